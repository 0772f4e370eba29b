/**
 * The clinical tool pages in Chromium against the dev stack and the OpenAI stub: diagnose streamed
 * end to end (sources, text, differential, citations), the crisis banner before the answer,
 * offline mode, the low-coverage notice instead of a forced differential, a broken stream with
 * Retry, treatment per role, voice upload carried into diagnose, notes, the interaction check with
 * unknown names shown first; Export PDF downloading a PDF; axe on every page and a 360 px wide phone.
 */
import { readFile } from "node:fs/promises";
import type { Browser, BrowserContext, Locator, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { consoleUrl, DEMO, expectAccessible, launchBrowser, saveScreenshot, signIn } from "./support/browser";

type StorageState = Awaited<ReturnType<BrowserContext["storageState"]>>;

const STUB = inject("openaiUrl").replace(/\/v1$/, "");
const GAD_SYMPTOMS = "Excessive worry about work and family most days for eight months, restlessness, muscle tension, poor sleep.";
const RISK_SYMPTOMS = "Low mood for months; says she wants to kill herself and has thought about how.";
/** A presentation no document of the knowledge base is about. */
const ANKLE_SPRAIN =
  "Twisted his right ankle playing football on Saturday: swelling and bruising over the outer ankle bone, limps but can bear weight.";
/** Hoarding in a relative's words, without the disorder's name. */
const HOARDING_IN_LAY_WORDS =
  "keeps every newspaper and carrier bag, the flat is so cluttered she cannot use the kitchen or reach the bed, " +
  "and gets very distressed at the idea of throwing anything out";
const LOW_COVERAGE_NOTICE = /^Low coverage: nothing in the knowledge base fits this description well/;

/** Queues replies (or a latency) on the stub for the Worker's API key. */
async function scriptStub(script: Record<string, unknown>) {
  const res = await fetch(`${STUB}/_control/script`, {
    method: "POST",
    body: JSON.stringify({ api_key: inject("openaiKey"), ...script }),
  });
  expect(res.status).toBe(200);
}

let browser: Browser;
/** Sign-ins are rate limited per account and per IP, so each role signs in once and its cookies are reused. */
const sessions = new Map<string, StorageState>();

async function sessionFor(email: string): Promise<StorageState> {
  let state = sessions.get(email);
  if (!state) {
    const context = await browser.newContext();
    const page = await context.newPage();
    await signIn(page, email);
    await page.waitForURL(consoleUrl("/app"));
    state = await context.storageState();
    sessions.set(email, state);
    await context.close();
  }
  return state;
}

async function withPage<T>(
  email: string,
  run: (page: Page) => Promise<T>,
  viewport = { width: 1280, height: 800 },
  inBrowser = browser,
): Promise<T> {
  const context = await inBrowser.newContext({ viewport, storageState: await sessionFor(email) });
  try {
    return await run(await context.newPage());
  } finally {
    await context.close();
  }
}

beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await scriptStub({ reset: true, latency_ms: 0 }).catch(() => {});
  await browser?.close();
});

const offlineConsoleUrl = (path: string) => new URL(path, inject("offlineConsoleUrl")).toString();
const status = (page: Page) => page.locator("#answer-status");
const answerDone = (page: Page) => expect.poll(() => status(page).textContent(), { timeout: 30_000 }).toMatch(/^Answer complete/);

async function analyze(page: Page, symptoms: string) {
  await page.getByLabel("Symptoms").fill(symptoms);
  await page.getByRole("button", { name: "Analyze" }).click();
}

/** Ids the diagnose flow retrieves for these symptoms, read through the JSON API as another clinician. */
async function retrievedSourceIds(symptoms: string): Promise<Array<{ id: string; title: string }>> {
  const login = await fetch(consoleUrl("/api/auth/login"), {
    method: "POST",
    headers: { "Content-Type": "application/json" },
    body: JSON.stringify({ email: DEMO.admin, password: inject("demoPassword") }),
  });
  const { access_token } = (await login.json()) as { access_token: string };
  const res = await fetch(consoleUrl("/api/v1/rag/diagnose"), {
    method: "POST",
    headers: { "Content-Type": "application/json", Authorization: `Bearer ${access_token}` },
    body: JSON.stringify({ symptoms }),
  });
  expect(res.status).toBe(200);
  return ((await res.json()) as { retrieved_sources: Array<{ id: string; title: string }> }).retrieved_sources;
}

/** Clicks Export PDF in `scope` and returns the downloaded file's name and first bytes. */
async function exportPdf(page: Page, scope: Locator) {
  const [download] = await Promise.all([page.waitForEvent("download"), scope.getByRole("button", { name: "Export PDF" }).click()]);
  const bytes = await readFile((await download.path())!);
  return { name: download.suggestedFilename(), head: bytes.subarray(0, 5).toString("latin1") };
}

/** The page is no wider than the viewport: nothing to scroll sideways except inside tables. */
const pageWidth = (page: Page) => page.evaluate(() => document.documentElement.scrollWidth);

describe("diagnose", () => {
  it("streams sources, the model's text and the differential with citation links, accessibly", async () => {
    const sources = await retrievedSourceIds(GAD_SYMPTOMS);
    expect(sources.length).toBeGreaterThan(0);
    const cited = sources[0];
    await scriptStub({
      chat: [
        {
          content: JSON.stringify({
            response: "Worry on most days for over six months with restlessness and poor sleep: generalised anxiety disorder fits best.",
            differential: [
              {
                condition: "Generalised anxiety disorder",
                dsm5_code: "F41.1",
                icd11_code: "6B00",
                confidence: 0.82,
                rationale: "Excessive worry for more than six months with three associated symptoms.",
                supporting_sources: [cited.id],
              },
            ],
          }),
        },
      ],
    });
    await withPage(DEMO.therapist, async (page) => {
      await page.goto(consoleUrl("/app/diagnose"));
      await expectAccessible(page);
      await analyze(page, GAD_SYMPTOMS);
      await answerDone(page);
      expect(new URL(page.url()).search).toBe("");

      const sourceList = page.locator("#answer-sources");
      expect(await sourceList.getByRole("heading", { name: "Sources" }).count()).toBe(1);
      expect(await sourceList.getByRole("link").count()).toBe(sources.length);

      const text = (await page.locator("#answer-text").textContent()) ?? "";
      expect(text).toContain("generalised anxiety disorder fits best");
      expect(text).not.toContain('"differential"');
      expect(await page.locator("#answer-text").getAttribute("aria-live")).toBe("polite");

      const table = page.getByRole("table", { name: "Differential diagnosis" });
      const row = table.getByRole("row", { name: /Generalised anxiety disorder/ });
      expect(await row.textContent()).toMatch(/F41\.1.*6B00.*82%.*Excessive worry/);
      const citation = row.getByRole("link", { name: cited.title });
      expect(await citation.getAttribute("href")).toBe(`/app/knowledge/${cited.id}`);
      expect(await page.locator(".crisis").count()).toBe(0);
      await expectAccessible(page);

      await saveScreenshot(page, "diagnose");

      const pdf = await exportPdf(page, page.locator("#answer-result"));
      expect(pdf.name).toMatch(/^diagnose-report-\d{4}-\d{2}-\d{2}\.pdf$/);
      expect(pdf.head).toBe("%PDF-");
    });
  });

  it("shows the crisis banner with resources before any of the answer's text when risk is found", async () => {
    // The model takes 1.5 s to answer, so the page is seen between the safety screen and the text.
    await scriptStub({ latency_ms: 1500 });
    try {
      await withPage(DEMO.therapist, async (page) => {
        await page.goto(consoleUrl("/app/diagnose"));
        await analyze(page, RISK_SYMPTOMS);
        const banner = page.getByRole("alert").locator(".crisis");
        await banner.waitFor({ timeout: 30_000 });
        expect(await page.locator("#answer-text").textContent()).toBe("");
        expect(await banner.textContent()).toMatch(/988/);
        await answerDone(page);
        // Still first: the banner precedes the sources and the text in the page.
        const order = await page.evaluate(() => {
          const banner = document.querySelector(".crisis")!;
          return banner.compareDocumentPosition(document.getElementById("answer-sources")!) & Node.DOCUMENT_POSITION_FOLLOWING;
        });
        expect(order).toBeTruthy();
        expect(await page.locator("#answer-text").textContent()).toMatch(/risk/i);
        await expectAccessible(page);
      });
    } finally {
      await scriptStub({ latency_ms: 0 });
    }
  });

  it("labels an offline answer as offline mode", async () => {
    await withPage(DEMO.therapist, async (page) => {
      await page.goto(offlineConsoleUrl("/app/diagnose"));
      await analyze(page, GAD_SYMPTOMS);
      await answerDone(page);
      expect(await status(page).textContent()).toBe("Answer complete (offline mode).");
      expect(await page.locator(".offline").textContent()).toMatch(/^Offline mode: no AI model is configured/);
      await expectAccessible(page);
    });
  });

  /** The answer's notes (offline mode, coverage) and what stands in the differential's place. */
  const lowCoverage = async (page: Page) => ({
    // The notice leads the sources (it comes with the stream's first event), so it is sought in the whole answer.
    notice: await page.locator("section.answer").getByRole("note").allTextContents(),
    noDifferential: await page.getByText(/^No differential: no condition in the knowledge base fits/).count(),
    table: await page.getByRole("table", { name: "Differential diagnosis" }).count(),
  });

  it("offline, says plainly that nothing in the knowledge base fits an ankle sprain instead of offering the nearest disorder", async () => {
    await withPage(DEMO.therapist, async (page) => {
      await page.goto(offlineConsoleUrl("/app/diagnose"));
      await analyze(page, ANKLE_SPRAIN);
      await answerDone(page);
      const shown = await lowCoverage(page);
      expect(shown.notice).toEqual([expect.stringMatching(LOW_COVERAGE_NOTICE)]);
      expect(shown.noDifferential).toBe(1);
      expect(shown.table).toBe(0);
      expect(await page.locator("#answer-text").textContent()).toMatch(/No good match in the knowledge base/);
      // The documents listed are labelled as the nearest, not as sources of a match.
      expect(await page.locator("#answer-sources").getByRole("heading", { name: "Nearest documents (none fits well)" }).count()).toBe(1);
      await expectAccessible(page);
      await saveScreenshot(page, "diagnose-low-coverage");
    });
  });

  it("offline, answers hoarding described in lay words with a differential that leads with it, and no low-coverage notice", async () => {
    await withPage(DEMO.therapist, async (page) => {
      await page.goto(offlineConsoleUrl("/app/diagnose"));
      await analyze(page, HOARDING_IN_LAY_WORDS);
      await answerDone(page);
      const shown = await lowCoverage(page);
      expect(shown.notice.filter((text) => LOW_COVERAGE_NOTICE.test(text))).toEqual([]);
      expect(shown.noDifferential).toBe(0);
      expect(shown.table).toBe(1);
      const table = page.getByRole("table", { name: "Differential diagnosis" });
      expect(await table.locator("tbody tr").first().getByRole("rowheader").textContent()).toMatch(/^Hoarding/);
      await expectAccessible(page);
    });
  });

  it("with the model, shows the low-coverage notice and its empty differential for an ankle sprain", async () => {
    const response = "No good match among the sources: none of them is about an injury to the ankle.";
    await scriptStub({ chat: [{ content: JSON.stringify({ response, differential: [] }) }] });
    await withPage(DEMO.therapist, async (page) => {
      await page.goto(consoleUrl("/app/diagnose"));
      await analyze(page, ANKLE_SPRAIN);
      await answerDone(page);
      expect(await status(page).textContent()).toBe("Answer complete.");
      expect(await page.locator("#answer-text").textContent()).toBe(response);
      const shown = await lowCoverage(page);
      expect(shown.notice).toEqual([expect.stringMatching(LOW_COVERAGE_NOTICE)]);
      expect(shown.noDifferential).toBe(1);
      expect(shown.table).toBe(0);
      await expectAccessible(page);
    });
  });

  it("shows a broken stream's error with a Retry button, and Retry brings the answer", async () => {
    await scriptStub({ chat: [{ malformed_stream: true }] });
    await withPage(DEMO.psychiatrist, async (page) => {
      await page.goto(consoleUrl("/app/diagnose"));
      await analyze(page, GAD_SYMPTOMS);
      const failure = page.getByRole("alert").locator(".error");
      await failure.waitFor({ timeout: 30_000 });
      expect(await failure.textContent()).toMatch(/\S{10,}/);
      await expectAccessible(page);
      await failure.getByRole("button", { name: "Retry" }).click();
      await answerDone(page);
      expect(await page.locator(".error").count()).toBe(0);
      expect(await page.getByRole("table", { name: "Differential diagnosis" }).count()).toBe(1);
    });
  });

  it("fits a 360 px wide phone with an answer shown", async () => {
    await withPage(
      DEMO.psychiatrist,
      async (page) => {
        await page.goto(consoleUrl("/app/diagnose"));
        await analyze(page, GAD_SYMPTOMS);
        await answerDone(page);
        expect(await pageWidth(page)).toBeLessThanOrEqual(360);
        await expectAccessible(page);
        await page.setViewportSize({ width: 390, height: 844 });
        await saveScreenshot(page, "diagnose");
      },
      { width: 360, height: 740 },
    );
  });
});

describe("treatment", () => {
  const planFor = (email: string) =>
    withPage(email, async (page) => {
      await page.goto(consoleUrl("/app/treatment"));
      await expectAccessible(page);
      await page.getByLabel("Diagnosis").fill("Generalised anxiety disorder (6B00)");
      await page.getByRole("button", { name: "Get treatment plan" }).click();
      await answerDone(page);
      expect(await page.getByRole("heading", { name: "Modalities" }).count()).toBe(1);
      const medication = await page.getByRole("heading", { name: "Medication considerations" }).count();
      await expectAccessible(page);
      return medication;
    });

  it("shows medication considerations to a psychiatrist and not to a therapist", async () => {
    expect(await planFor(DEMO.psychiatrist)).toBe(1);
    expect(await planFor(DEMO.therapist)).toBe(0);
  });

  it("fits a 360 px wide phone", async () => {
    await withPage(
      DEMO.therapist,
      async (page) => {
        await page.goto(consoleUrl("/app/treatment"));
        expect(await pageWidth(page)).toBeLessThanOrEqual(360);
      },
      { width: 360, height: 740 },
    );
  });
});

/** A quarter second of 16-bit mono silence as a WAV file. */
function wav(): Buffer {
  const samples = 4_000;
  const bytes = Buffer.alloc(44 + samples * 2);
  bytes.write("RIFF", 0, "ascii");
  bytes.writeUInt32LE(36 + samples * 2, 4);
  bytes.write("WAVEfmt ", 8, "ascii");
  bytes.writeUInt32LE(16, 16);
  bytes.writeUInt16LE(1, 20);
  bytes.writeUInt16LE(1, 22);
  bytes.writeUInt32LE(16_000, 24);
  bytes.writeUInt32LE(32_000, 28);
  bytes.writeUInt16LE(2, 32);
  bytes.writeUInt16LE(16, 34);
  bytes.write("data", 36, "ascii");
  bytes.writeUInt32LE(samples * 2, 40);
  return bytes;
}

describe("voice", () => {
  it("after consent, analyses an uploaded file and carries the transcript into diagnose without a URL", async () => {
    const transcript = "I keep worrying about everything at work. I sleep badly and feel tense all day.";
    await scriptStub({ transcription: [{ text: transcript }] });
    await withPage(DEMO.therapist, async (page) => {
      await page.goto(consoleUrl("/app/voice"));
      await expectAccessible(page);
      expect(await page.getByRole("button", { name: "Record", exact: true }).isDisabled()).toBe(true);
      expect(await page.getByLabel("Audio file").isDisabled()).toBe(true);
      await page.getByLabel(/consents to this session being recorded/).check();
      expect(await page.getByRole("button", { name: "Record", exact: true }).isEnabled()).toBe(true);

      await page.getByLabel("Audio file").setInputFiles({ name: "session.wav", mimeType: "audio/wav", buffer: wav() });
      await page.getByRole("button", { name: "Analyze recording" }).click();
      await expect.poll(() => page.locator("#voice-status").textContent(), { timeout: 30_000 }).toBe("Analysis complete.");
      const result = page.locator("#voice-result");
      expect(await result.locator(".transcript").textContent()).toBe(transcript);
      const facts = (await result.locator("dl").textContent()) ?? "";
      for (const term of ["Speech rate", "words per minute", "Pauses", "Tone", "Sentiment", "Safety", "No risk indicators found"]) {
        expect(facts).toContain(term);
      }
      await expectAccessible(page);
      expect(await pageWidth(page)).toBeLessThanOrEqual(1280);

      await result.getByRole("button", { name: "Use in diagnosis" }).click();
      await page.waitForURL(consoleUrl("/app/diagnose"));
      expect(await page.getByLabel("Symptoms").inputValue()).toBe(transcript);
    });
  });

  it("after consent, records from the microphone and shows the transcript and the speech metrics", async () => {
    const transcript = "Lately I cannot switch off at night and I dread going to work.";
    await scriptStub({ transcription: [{ text: transcript }] });
    await withPage(DEMO.therapist, async (page) => {
      await page.goto(consoleUrl("/app/voice"));
      await page.getByLabel(/consents to this session being recorded/).check();
      await page.getByRole("button", { name: "Record", exact: true }).click();
      await expect.poll(() => page.locator("#voice-status").textContent()).toBe("Recording… choose Stop to finish.");
      expect(await page.getByRole("button", { name: "Record", exact: true }).isDisabled()).toBe(true);
      await page.waitForTimeout(2_000);
      await page.getByRole("button", { name: "Stop" }).click();
      await expect.poll(() => page.locator("#voice-status").textContent(), { timeout: 30_000 }).toBe("Analysis complete.");

      const result = page.locator("#voice-result");
      expect(await result.locator(".transcript").textContent()).toBe(transcript);
      const facts = (await result.locator("dl").textContent()) ?? "";
      expect(facts).toMatch(/Speech rate\d+(\.\d+)? words per minute/);
      for (const term of ["Pauses", "Tone", "Sentiment", "Emotion", "No risk indicators found"]) expect(facts).toContain(term);
      expect(await page.locator("#voice-alerts .error").count()).toBe(0);
      await expectAccessible(page);
      await saveScreenshot(page, "voice");
      await page.setViewportSize({ width: 390, height: 844 });
      await saveScreenshot(page, "voice");
    });
  });

  it("when the browser refuses the microphone, says so and leaves the upload path open", async () => {
    const refusing = await launchBrowser({ microphone: "refused" });
    try {
      await withPage(
        DEMO.therapist,
        async (page) => {
          await page.goto(consoleUrl("/app/voice"));
          await page.getByLabel(/consents to this session being recorded/).check();
          await page.getByRole("button", { name: "Record", exact: true }).click();
          const alert = page.locator("#voice-alerts .error");
          await alert.waitFor({ timeout: 10_000 });
          expect(await alert.textContent()).toMatch(/microphone is not available.*upload a file/);
          expect(await page.getByRole("button", { name: "Stop" }).isDisabled()).toBe(true);
          expect(await page.getByLabel("Audio file").isEnabled()).toBe(true);
          expect(await page.getByRole("button", { name: "Analyze recording" }).isEnabled()).toBe(true);
          await expectAccessible(page);
        },
        undefined,
        refusing,
      );
    } finally {
      await refusing.close();
    }
  });

  it("fits a 360 px wide phone", async () => {
    await withPage(
      DEMO.therapist,
      async (page) => {
        await page.goto(consoleUrl("/app/voice"));
        expect(await pageWidth(page)).toBeLessThanOrEqual(360);
        await expectAccessible(page);
      },
      { width: 360, height: 740 },
    );
  });
});

describe("notes", () => {
  it("writes a DAP note from session text, shows its sections, and exports it as a PDF", async () => {
    await withPage(DEMO.therapist, async (page) => {
      await page.goto(consoleUrl("/app/notes"));
      await expectAccessible(page);
      await page.getByLabel("Format").selectOption("dap");
      await page
        .getByLabel("Session text or transcript")
        .fill("Client reports worry most days and poor sleep. We practised paced breathing.");
      await page.getByRole("button", { name: "Generate note" }).click();
      await expect.poll(() => page.locator("#note-status").textContent(), { timeout: 30_000 }).toBe("Note ready.");
      const note = page.locator("#note-result");
      for (const heading of ["Data", "Assessment", "Plan", "Risk"])
        expect(await note.getByRole("heading", { name: heading }).count()).toBe(1);
      expect(await note.getByRole("heading", { name: "Subjective" }).count()).toBe(0);
      await expectAccessible(page);
      const pdf = await exportPdf(page, note);
      expect(pdf.name).toMatch(/^note-report-.*\.pdf$/);
      expect(pdf.head).toBe("%PDF-");
    });
  });

  it("fits a 360 px wide phone", async () => {
    await withPage(
      DEMO.therapist,
      async (page) => {
        await page.goto(consoleUrl("/app/notes"));
        expect(await pageWidth(page)).toBeLessThanOrEqual(360);
      },
      { width: 360, height: 740 },
    );
  });
});

describe("interactions", () => {
  /** Enters the names as typed and waits for the server's answer. */
  async function checkInteractions(page: Page, medications: string) {
    await page.getByLabel("Medications").fill(medications);
    await page.getByRole("button", { name: "Check interactions" }).click();
    await page.getByRole("heading", { name: "Result", level: 2 }).waitFor();
  }
  const summary = (page: Page) => page.locator("[aria-live=polite]").textContent();
  const interactionCards = (page: Page) => page.getByRole("article");

  it("from the navigation, names an unknown drug as not checked before the contraindicated MAOI and decongestant pair", async () => {
    await withPage(DEMO.therapist, async (page) => {
      await page.goto(consoleUrl("/app"));
      await page.getByRole("navigation", { name: "Tools" }).getByRole("link", { name: "Interactions" }).click();
      await page.waitForURL(consoleUrl("/app/interactions"));
      expect(await page.getByRole("heading", { level: 1 }).textContent()).toBe("Drug interactions");
      await expectAccessible(page);

      const medications = "phenelzine\nSudafed\nFrobnicol";
      await checkInteractions(page, medications);
      // A POST: the medicines stay out of the URL, and in the box for another try.
      expect(page.url()).toBe(consoleUrl("/app/interactions"));
      expect(await page.getByLabel("Medications").inputValue()).toBe(medications);

      const notChecked = page.getByRole("alert");
      expect(await notChecked.count()).toBe(1);
      expect(await notChecked.locator("p").allTextContents()).toEqual([
        "Not checked: Frobnicol",
        expect.stringMatching(/^This name is not in our interaction table, so nothing was checked for it/),
      ]);
      expect(await summary(page)).toMatch(/1 interaction found among the 2 recognized medications\.$/);
      expect(await page.getByRole("row", { name: /^Frobnicol/ }).textContent()).toMatch(/not in the table.*not checked/);
      expect(await page.getByRole("row", { name: /^Sudafed/ }).textContent()).toContain("pseudoephedrine");

      expect(await interactionCards(page).count()).toBe(1);
      const pair = page.getByRole("article", { name: "phenelzine and pseudoephedrine: contraindicated" });
      expect(await pair.getByRole("heading").textContent()).toBe("phenelzine + pseudoephedrine: Contraindicated");
      const facts = (await pair.locator("dl").textContent()) ?? "";
      for (const term of ["Effect", "Mechanism", "Management", "Reference"]) expect(facts).toContain(term);

      // The unknown name is read first: the alert precedes the summary and the interaction.
      const alertFirst = await page.evaluate(() => {
        const alert = document.querySelector("[role=alert]")!;
        const later = [document.querySelector("[aria-live=polite]")!, document.querySelector("article")!];
        return later.every((node) => alert.compareDocumentPosition(node) & Node.DOCUMENT_POSITION_FOLLOWING);
      });
      expect(alertFirst).toBe(true);
      await expectAccessible(page);
      await saveScreenshot(page, "interactions");
    });
  });

  it("says no interactions were found among the recognized medications when every name is known and no pair interacts", async () => {
    await withPage(DEMO.therapist, async (page) => {
      await page.goto(consoleUrl("/app/interactions"));
      await checkInteractions(page, "lamotrigine, metformin, mirtazapine");
      expect(await summary(page)).toBe("No interactions found among the 3 recognized medications.");
      expect(await page.getByRole("alert").count()).toBe(0);
      expect(await interactionCards(page).count()).toBe(0);
      await expectAccessible(page);
    });
  });

  it("fits a 360 px wide phone with a result shown", async () => {
    await withPage(
      DEMO.therapist,
      async (page) => {
        await page.goto(consoleUrl("/app/interactions"));
        await checkInteractions(page, "phenelzine, Sudafed, Frobnicol");
        expect(await interactionCards(page).count()).toBe(1);
        expect(await pageWidth(page)).toBeLessThanOrEqual(360);
        await expectAccessible(page);
        await page.setViewportSize({ width: 390, height: 844 });
        await saveScreenshot(page, "interactions");
      },
      { width: 360, height: 740 },
    );
  });
});
