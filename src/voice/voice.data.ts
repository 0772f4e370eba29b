/**
 * Session audio in R2 under the caller's prefix (`audio/<user_id>/<audio_id>.<ext>`), with its
 * content type and an expiry date; the daily Cron Trigger removes expired recordings.
 */
import { log } from "../lib/log";
import { AUDIO_FORMATS, type AudioUpload, CONTENT_TYPES } from "./audio-input";

const DAY_MS = 24 * 60 * 60 * 1000;

export async function storeAudio(storage: R2Bucket, userId: string, upload: AudioUpload, retentionDays: number) {
  const audioId = crypto.randomUUID();
  const key = `audio/${userId}/${audioId}.${upload.format}`;
  const expiresAt = new Date(Date.now() + retentionDays * DAY_MS).toISOString();
  await storage.put(key, upload.audio, {
    httpMetadata: { contentType: CONTENT_TYPES[upload.format] },
    customMetadata: { user_id: userId, expires_at: expiresAt },
  });
  return { audioId, key, expiresAt };
}

/**
 * One of the user's own recordings that has not expired, or null. Only the caller's prefix is
 * searched, so another user's id finds nothing (and says nothing about whether it exists).
 */
export async function findAudio(storage: R2Bucket, userId: string, audioId: string, now = new Date()): Promise<AudioUpload | null> {
  const page = await storage.list({ prefix: `audio/${userId}/${audioId}.`, limit: 1 });
  const key = page.objects[0]?.key;
  const object = key ? await storage.get(key) : null;
  if (!object) return null;
  const expiresAt = Date.parse(object.customMetadata?.expires_at ?? "");
  const format = AUDIO_FORMATS.find((candidate) => key?.endsWith(`.${candidate}`));
  if (!format || (Number.isFinite(expiresAt) && expiresAt <= now.getTime())) return null;
  return { audio: await object.blob(), format };
}

/**
 * Removes a recording the client will not get an id for (its request failed). A failed delete is
 * logged and left to the retention purge, so it never hides the error the client should see.
 */
export async function removeAudio(storage: R2Bucket, key: string): Promise<boolean> {
  try {
    await storage.delete(key);
    return true;
  } catch {
    log("error", "audio left for the retention purge after a failed request", { object_key: key });
    return false;
  }
}

/** Deletes every recording whose expiry has passed; returns how many were removed. */
export async function purgeExpiredAudio(storage: R2Bucket, now: Date): Promise<number> {
  let removed = 0;
  let cursor: string | undefined;
  do {
    const page = await storage.list({ prefix: "audio/", cursor, include: ["customMetadata"], limit: 1000 });
    const expired = page.objects.filter((object) => {
      const expiresAt = Date.parse(object.customMetadata?.expires_at ?? "");
      return Number.isFinite(expiresAt) && expiresAt <= now.getTime();
    });
    if (expired.length) await storage.delete(expired.map((object) => object.key));
    removed += expired.length;
    cursor = page.truncated ? page.cursor : undefined;
  } while (cursor);
  return removed;
}
