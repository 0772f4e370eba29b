/**
 * What each prompt tells the model agrees with the JSON schema the model is held to (strict
 * structured outputs): every list the schema caps (maxItems) is announced in the prompt with the
 * same number, and a confidence range the prompt states is the schema's. Read from the chat
 * requests the OpenAI stub records, so the prompt and schema are the ones the model really gets.
 */
import { afterEach, describe, expect, it } from "vitest";
import { authHeader, createAdmin, createVerifiedTherapist, type LoggedIn } from "./support/accounts";
import { createTestApi } from "./support/api";
import { loadCases } from "./support/cases";
import { type RecordedChat, scriptOpenAi, stubChatRequests } from "./support/openai-stub";

const api = await createTestApi();
await loadCases();
const admin = await createAdmin(api);

afterEach(async () => {
  await scriptOpenAi(api.openaiKey, { reset: true });
});

interface Schema {
  type?: string | string[];
  properties?: Record<string, Schema>;
  items?: Schema;
  anyOf?: Schema[];
  maxItems?: number;
  description?: string;
}

/** Every capped list in the schema, by property name, and every confidence's described range. */
function schemaLimits(schema: Schema, name = "", found = { maxItems: {} as Record<string, number>, confidence: [] as string[] }) {
  if (schema.maxItems !== undefined) found.maxItems[name] = schema.maxItems;
  if (name === "confidence" && schema.description) found.confidence.push(schema.description);
  for (const [key, value] of Object.entries(schema.properties ?? {})) schemaLimits(value, key, found);
  if (schema.items) schemaLimits(schema.items, name, found);
  for (const variant of schema.anyOf ?? []) schemaLimits(variant, name, found);
  return found;
}

const RANGE = /(\d+(?:\.\d+)?) ?(?:to|-) ?(\d+(?:\.\d+)?)/;

/** The instructions (system message) and schema of the last chat request for this test's key. */
async function lastChat(): Promise<{ prompt: string; schema: Schema }> {
  const chats: RecordedChat[] = await stubChatRequests(api.openaiKey);
  const chat = chats.at(-1);
  expect(chat, "the action asked the model").toBeDefined();
  const prompt = chat!.messages
    .filter((message) => message.role === "system")
    .map((message) => String(message.content))
    .join("\n");
  return { prompt, schema: chat!.response_format?.json_schema?.schema as Schema };
}

/**
 * The prompt names each capped list by a noun ("at most 6 conditions"); a list the schema caps
 * with no noun here fails the test, so a new cap cannot go unannounced.
 */
function expectPromptMatchesSchema(action: string, prompt: string, schema: Schema, nouns: Record<string, string>) {
  const limits = schemaLimits(schema);
  expect(Object.keys(limits.maxItems).sort(), `${action}: the lists the schema caps`).toEqual(Object.keys(nouns).sort());
  for (const [field, noun] of Object.entries(nouns)) {
    // Not the "11" of "ICD-11 codes".
    const stated = new RegExp(`(?<![\\w-])(\\d+) ${noun}\\b`).exec(prompt)?.[1];
    expect(stated, `${action}: the prompt's number of ${noun} (schema ${field}: maxItems ${limits.maxItems[field]})`).toBe(
      String(limits.maxItems[field]),
    );
  }
  const promptConfidence = /confidence[^.\n]*?(\d+(?:\.\d+)?) ?(?:to|-) ?(\d+(?:\.\d+)?)/i.exec(prompt);
  if (promptConfidence) {
    for (const description of limits.confidence) {
      const [, low, high] = RANGE.exec(description) ?? [];
      expect([promptConfidence[1], promptConfidence[2]], `${action}: the confidence range ("${description}" in the schema)`).toEqual([
        low,
        high,
      ]);
    }
  }
}

describe("each prompt states the limits of the schema the model answers in", () => {
  let therapist: LoggedIn;
  const headers = () => authHeader(therapist.tokens.access_token);

  it("diagnose: the number of conditions in the differential", async () => {
    therapist = await createVerifiedTherapist(api, admin.tokens.access_token);
    const { res } = await api.get("/api/v1/rag/diagnose?symptoms=worry%20and%20poor%20sleep%20for%20months", { headers: headers() });
    expect(res.status).toBe(200);
    const { prompt, schema } = await lastChat();
    expectPromptMatchesSchema("diagnose", prompt, schema, { differential: "conditions" });
  });

  it("treatment: no list is capped that the prompt does not announce", async () => {
    const { res } = await api.get("/api/v1/rag/treatment?diagnosis=generalized%20anxiety%20disorder", { headers: headers() });
    expect(res.status).toBe(200);
    const { prompt, schema } = await lastChat();
    expectPromptMatchesSchema("treatment", prompt, schema, {});
  });

  it("case analysis: the number of alternative diagnoses", async () => {
    const { res } = await api.get("/api/v1/case-analysis/case-001", { headers: headers() });
    expect(res.status).toBe(200);
    const { prompt, schema } = await lastChat();
    expectPromptMatchesSchema("case analysis", prompt, schema, { alternative_diagnoses: "alternative diagnoses" });
  });

  it("session note: the number of suggested codes", async () => {
    const { res } = await api.json(
      "/api/v1/notes",
      { format: "soap", text: "Client reports worry most days and poor sleep." },
      { headers: headers() },
    );
    expect(res.status).toBe(200);
    const { prompt, schema } = await lastChat();
    expectPromptMatchesSchema("session note", prompt, schema, { suggested_codes: "codes" });
  });

  it("voice analysis: the confidence range", async () => {
    await scriptOpenAi(api.openaiKey, { transcription: [{ text: "I have been feeling calmer this week.", duration: 3 }] });
    const { res } = await api.json(
      "/voice/analyze",
      { audio_data: btoa(String.fromCharCode(...silentWav())), format: "wav" },
      { headers: headers() },
    );
    expect(res.status).toBe(200);
    const { prompt, schema } = await lastChat();
    expect(prompt).toMatch(/confidence/i);
    expectPromptMatchesSchema("voice analysis", prompt, schema, {});
  });
});

/** A quarter second of 16-bit mono PCM silence as a RIFF/WAVE file. */
function silentWav(): Uint8Array {
  const dataBytes = 8_000;
  const bytes = new Uint8Array(44 + dataBytes);
  const view = new DataView(bytes.buffer);
  const ascii = (text: string, at: number) =>
    bytes.set(
      Array.from(text, (char) => char.charCodeAt(0)),
      at,
    );
  ascii("RIFF", 0);
  view.setUint32(4, 36 + dataBytes, true);
  ascii("WAVE", 8);
  ascii("fmt ", 12);
  view.setUint32(16, 16, true);
  view.setUint16(20, 1, true); // PCM
  view.setUint16(22, 1, true); // mono
  view.setUint32(24, 16_000, true);
  view.setUint32(28, 32_000, true);
  view.setUint16(32, 2, true);
  view.setUint16(34, 16, true);
  ascii("data", 36);
  view.setUint32(40, dataBytes, true);
  return bytes;
}
