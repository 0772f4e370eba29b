/**
 * The loop of `npm run rotate-key`: calls the admin reseal route (docs/api.md §12) until no row
 * is left under an older key, printing each batch's progress. Stops on the first error, which
 * names the problem the server answered (e.g. 503 encryption_key_missing: a key is missing from
 * DATA_ENCRYPTION_PREVIOUS_KEYS).
 */
export interface RotationOptions {
  base: string;
  token: string;
  batchSize: number;
  fetch?: typeof fetch;
  log?: (line: string) => void;
}

interface ResealAnswer {
  resealed?: number;
  remaining?: number;
  current_key_id?: string;
  code?: string;
  detail?: string;
}

/** Re-seals until `remaining` is 0; the total re-sealed. Throws on an error answer or a batch that makes no progress. */
export async function rotateAll({ base, token, batchSize, fetch: send = fetch, log = console.log }: RotationOptions): Promise<number> {
  let total = 0;
  let idle = 0;
  for (;;) {
    const res = await send(new URL("/api/admin/workspace/reseal", base), {
      method: "POST",
      headers: { authorization: `Bearer ${token}`, "content-type": "application/json" },
      body: JSON.stringify({ batch_size: batchSize }),
    });
    const body = (await res.json().catch(() => ({}))) as ResealAnswer;
    if (!res.ok) throw new Error(`reseal failed: HTTP ${res.status} ${body.code ?? ""} ${body.detail ?? ""}`.trim());
    total += body.resealed ?? 0;
    log(`re-sealed ${body.resealed} (total ${total}), remaining ${body.remaining}, current key ${body.current_key_id}`);
    if (!body.remaining) return total;
    // A batch whose every row was rewritten by a clinician meanwhile re-seals none, and the next
    // one moves on; two in a row with nothing done would loop forever.
    idle = body.resealed ? 0 : idle + 1;
    if (idle >= 2) throw new Error(`no progress: ${body.remaining} rows remain under an older key`);
  }
}
