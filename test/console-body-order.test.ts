/**
 * A console action refuses before it reads: a form whose CSRF token travels in its `_csrf` field
 * (not the X-CSRF-Token header) is only read once the role check and, for voice, the AI limit
 * have passed. Each body here is a stream that counts the chunks pulled from it, so "not read"
 * is observed rather than assumed.
 */
import { describe, expect, it } from "vitest";
import { authHeader, createAdmin, createVerifiedTherapist, expectProblem, type LoggedIn, registerAndLogin } from "./support/accounts";
import { createTestApi } from "./support/api";
import { type ConsoleVisitor, consoleVisitor, ORIGIN } from "./support/console";

const api = await createTestApi();
const admin = await createAdmin(api);
const KiB = 1024;
const MiB = 1024 * KiB;

async function signedIn(account: LoggedIn): Promise<ConsoleVisitor> {
  const visitor = consoleVisitor(api);
  const res = await visitor.signIn(account.user.email, account.password);
  expect(res.status, await res.clone().text()).toBe(303);
  return visitor;
}

/**
 * A multipart form as a browser sends it: the `_csrf` field first, then a file of `size` bytes,
 * as a stream that counts how many of its chunks were pulled.
 */
function countedForm(csrfToken: string, size: number, chunkSize = 64 * KiB) {
  const boundary = "----body-order-test";
  const encoder = new TextEncoder();
  const head = encoder.encode(
    `--${boundary}\r\nContent-Disposition: form-data; name="_csrf"\r\n\r\n${csrfToken}\r\n` +
      `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="session.wav"\r\nContent-Type: audio/wav\r\n\r\n`,
  );
  const tail = encoder.encode(`\r\n--${boundary}--\r\n`);
  const chunk = new Uint8Array(chunkSize);
  const chunks = Math.floor(size / chunkSize);
  let pulled = 0;
  const body = new ReadableStream<Uint8Array>({
    pull(controller) {
      if (pulled === 0) controller.enqueue(head);
      if (pulled < chunks) controller.enqueue(chunk);
      else {
        controller.enqueue(tail);
        controller.close();
      }
      pulled++;
    },
  });
  return {
    body,
    headers: {
      "Content-Type": `multipart/form-data; boundary=${boundary}`,
      "Content-Length": String(head.length + chunks * chunk.length + tail.length),
    },
    chunks,
    pulled: () => pulled,
  };
}

/** Far fewer chunks than the form has: at most what a stream buffers ahead before anyone reads it. */
function expectUnread(form: ReturnType<typeof countedForm>) {
  expect(form.pulled()).toBeLessThan(form.chunks / 10);
}

function postForm(visitor: ConsoleVisitor, path: string, form: ReturnType<typeof countedForm>, headers: Record<string, string> = {}) {
  return visitor.fetch(path, {
    method: "POST",
    headers: { Origin: ORIGIN, ...form.headers, ...headers },
    body: form.body,
    duplex: "half",
  } as RequestInit);
}

describe("a student's form to a clinical console action is refused before its body is read", () => {
  it("voice analysis: 25 MiB with _csrf in the form gets 403 with the stream left unread", async () => {
    const visitor = await signedIn(await registerAndLogin(api));
    const form = countedForm(await visitor.csrfToken(), 25 * MiB);
    const res = await postForm(visitor, "/app/voice/analyze", form, { "X-Recording-Consent": "given" });
    expectProblem(res, await res.json(), 403, "forbidden");
    expectUnread(form);
  });

  it.each(["/app/diagnose/stream", "/app/treatment/stream", "/app/notes/generate", "/app/reports"])(
    "%s: a form just under the 1 MiB cap gets 403 with the stream left unread",
    async (path) => {
      const visitor = await signedIn(await registerAndLogin(api));
      const form = countedForm(await visitor.csrfToken(), 1000 * KiB, 8 * KiB);
      const res = await postForm(visitor, path, form, { Accept: "application/pdf" });
      expectProblem(res, await res.json(), 403, "forbidden");
      expectUnread(form);
    },
  );

  it("the same form from a verified therapist is read: its _csrf field is how the session checks it", async () => {
    const visitor = await signedIn(await createVerifiedTherapist(api, admin.tokens.access_token));
    const form = countedForm(await visitor.csrfToken(), 1000 * KiB, 8 * KiB);
    const res = await postForm(visitor, "/app/diagnose/stream", form);
    // Past the session and the role, the action wants JSON: a 4xx about the body, not the CSRF token.
    expect(res.status).toBeGreaterThanOrEqual(400);
    expect(res.status).toBeLessThan(500);
    expect(((await res.json()) as { code: string }).code).not.toBe("csrf_token_invalid");
    expect(form.pulled()).toBeGreaterThan(form.chunks);
  });
});

/** The smallest valid WAV: a header and a quarter second of 16 kHz silence. */
function silentWavBase64(): string {
  const samples = 4000;
  const bytes = new Uint8Array(44 + samples * 2);
  const view = new DataView(bytes.buffer);
  const ascii = (at: number, text: string) =>
    bytes.set(
      Array.from(text, (char) => char.charCodeAt(0)),
      at,
    );
  ascii(0, "RIFF");
  view.setUint32(4, 36 + samples * 2, true);
  ascii(8, "WAVE");
  ascii(12, "fmt ");
  view.setUint32(16, 16, true);
  view.setUint16(20, 1, true);
  view.setUint16(22, 1, true);
  view.setUint32(24, 16_000, true);
  view.setUint32(28, 32_000, true);
  view.setUint16(32, 2, true);
  view.setUint16(34, 16, true);
  ascii(36, "data");
  view.setUint32(40, samples * 2, true);
  return btoa(String.fromCharCode(...bytes));
}

describe("a clinician over the AI limit is refused before the form is read", () => {
  it("voice analysis: 25 MiB with _csrf in the form gets 429 with Retry-After and the stream left unread", async () => {
    const therapist = await createVerifiedTherapist(api, admin.tokens.access_token);
    // The AI routes allow 10 calls a minute per account, whichever door they come through.
    for (let i = 0; i < 10; i++) {
      const res = await api.post(
        "/voice/transcribe",
        { audio_data: silentWavBase64() },
        { headers: authHeader(therapist.tokens.access_token) },
      );
      expect(res.status, await res.text()).toBe(200);
    }
    const visitor = await signedIn(therapist);
    const form = countedForm(await visitor.csrfToken(), 25 * MiB);
    const res = await postForm(visitor, "/app/voice/analyze", form, { "X-Recording-Consent": "given" });
    expectProblem(res, await res.json(), 429, "rate_limited");
    expect(Number(res.headers.get("Retry-After"))).toBeGreaterThan(0);
    expectUnread(form);
  });
});
