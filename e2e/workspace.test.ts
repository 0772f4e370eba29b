/**
 * Issue 23's "done means" in the browser against the dev stack: a verified therapist creates a
 * client, stores a PHQ-9 three times and sees the trend (the chart's table, the timeline, the
 * item-9 risk flag), generates a note, saves it to the client, edits, signs it, is refused when
 * editing it again, adds an addendum, writes a plan with two goals and updates a goal with the
 * note as evidence; the client page fits a 360 px phone, axe finds no WCAG 2.1 AA violation, and
 * a generated note's statements and the note editor work from the keyboard. The OpenAI stub writes
 * the note. The steps share one client, so they run in order.
 */
import type { Browser, BrowserContext, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { consoleUrl, DEMO, expectAccessible, launchBrowser, saveScreenshot, signIn } from "./support/browser";

type StorageState = Awaited<ReturnType<BrowserContext["storageState"]>>;

let browser: Browser;
/** Sign-ins are rate limited, so the therapist signs in once and the cookies are reused. */
let session: StorageState;
/** Shared by the steps: the client created first, and the note saved to it. */
let clientPath = "";
let notePath = "";
let noteDate = "";
const LABEL = `Client W-${Date.now().toString(36)}`;

beforeAll(async () => {
  browser = await launchBrowser();
  const context = await browser.newContext();
  const page = await context.newPage();
  await signIn(page, DEMO.therapist);
  await page.waitForURL(consoleUrl("/app"));
  session = await context.storageState();
  await context.close();
});
afterAll(async () => {
  await scriptStub({ reset: true }).catch(() => {});
  await browser?.close();
});

const STUB = inject("openaiUrl").replace(/\/v1$/, "");

/** Queues replies on the OpenAI stub for the Worker's API key. */
async function scriptStub(script: Record<string, unknown>) {
  const res = await fetch(`${STUB}/_control/script`, {
    method: "POST",
    body: JSON.stringify({ api_key: inject("openaiKey"), ...script }),
  });
  expect(res.status).toBe(200);
}

const SESSION_TEXT = "Client reports worry most days and poor sleep. We practised paced breathing. She will log her sleep this week.";
/** The model's DAP note: each statement with the session's words it rests on (§10), so the page can mark them. */
const MODEL_NOTE = {
  response: "Worry and poor sleep; paced breathing practised; sleep log agreed.",
  statements: {
    data: [{ text: "Reports worry on most days and poor sleep.", quotes: ["worry most days and poor sleep"] }],
    assessment: [{ text: "Engaged with paced breathing in session.", quotes: ["We practised paced breathing."] }],
    plan: [{ text: "Client to keep a sleep log this week.", quotes: ["She will log her sleep this week."] }],
  },
  suggested_codes: [],
};

async function withPage<T>(run: (page: Page) => Promise<T>, viewport = { width: 1280, height: 800 }): Promise<T> {
  const context = await browser.newContext({ viewport, storageState: session });
  try {
    return await run(await context.newPage());
  } finally {
    await context.close();
  }
}

/** A date-time `days` ago at 10:00 UTC, as the measures API takes it. */
const daysAgo = (days: number) => {
  const at = new Date(Date.now() - days * 86_400_000);
  at.setUTCHours(10, 0, 0, 0);
  return at.toISOString();
};

/**
 * The console has no form that stores a scored questionnaire in a client's record yet (the
 * assessments page has no "Save to client…"), so the PHQ-9 administrations are stored through the
 * JSON API with a bearer token from /api/auth/login, as the same therapist. Everything after is
 * read in the browser.
 */
async function storePhq9(clientId: string, responses: number[], administeredAt: string) {
  const login = await fetch(consoleUrl("/api/auth/login"), {
    method: "POST",
    headers: { "Content-Type": "application/json" },
    body: JSON.stringify({ email: DEMO.therapist, password: inject("demoPassword") }),
  });
  expect(login.status).toBe(200);
  const { access_token } = (await login.json()) as { access_token: string };
  const res = await fetch(consoleUrl(`/api/v1/clients/${clientId}/measures`), {
    method: "POST",
    headers: { "Content-Type": "application/json", Authorization: `Bearer ${access_token}` },
    body: JSON.stringify({ instrument: "phq9", responses, administered_at: administeredAt }),
  });
  expect(res.status, await res.clone().text()).toBe(201);
}

describe("the clinician workspace", () => {
  it("creates a client on New client and lands on the client page", async () => {
    await withPage(async (page) => {
      await page.goto(consoleUrl("/app/clients/new"));
      await page.getByLabel("Label").fill(LABEL);
      await page.getByLabel("Year of birth").fill("1988");
      await page.getByLabel("Pronouns").fill("she/her");
      await page.getByRole("button", { name: "Create client" }).click();
      await page.waitForURL(/\/app\/clients\/[0-9a-f-]{36}$/);
      clientPath = new URL(page.url()).pathname;
      expect(await page.locator("h1").textContent()).toContain(LABEL);
      const details = page.locator("dl.facts").first();
      expect(await details.textContent()).toContain("1988");
      expect(await details.textContent()).toContain("she/her");
      expect(await page.getByText("Nothing recorded yet").count()).toBe(1);
    });
  });

  it("shows three PHQ-9 administrations as a trend: the chart's table, the timeline and the item-9 risk flag", async () => {
    const clientId = clientPath.split("/").pop() ?? "";
    // 20 with item 9 answered "several days", then 14, then 8: a reliable improvement and a response.
    await storePhq9(clientId, [3, 3, 3, 3, 2, 2, 2, 1, 1], daysAgo(60));
    await storePhq9(clientId, [2, 2, 2, 2, 2, 2, 1, 1, 0], daysAgo(30));
    await storePhq9(clientId, [1, 1, 1, 1, 1, 1, 1, 1, 0], daysAgo(3));
    await withPage(async (page) => {
      await page.goto(consoleUrl(clientPath));
      const table = page.getByRole("table", { name: "PHQ-9: every administration" });
      const rows = table.locator("tbody tr");
      expect(await rows.count()).toBe(3);
      const cells = async (row: number) => (await rows.nth(row).locator("td").allTextContents()).map((text) => text.trim());
      const [first, second, third] = [await cells(0), await cells(1), await cells(2)];
      expect(first.slice(0, 3)).toEqual(["20", "severe", "baseline"]);
      expect(first[4]).toMatch(/PHQ-9 item 9 positive/);
      expect(second.slice(0, 1)).toEqual(["14"]);
      expect(second[2]).toBe("−6");
      expect(third.slice(0, 1)).toEqual(["8"]);
      expect(third[2]).toBe("−12");
      expect(third[3]).toMatch(/reliable improvement/);
      expect(third[3]).toMatch(/response/);
      expect(await page.getByRole("img", { name: /PHQ-9 scores from/ }).count()).toBe(1);

      const timeline = page.getByRole("list", { name: "Notes, measures and risk flags, newest first" });
      const entries = (await timeline.locator("li").allTextContents()).map((text) => text.replace(/\s+/g, " "));
      // Newest first.
      expect(entries.map((text) => text.match(/PHQ-9: (\d+)/)?.[1])).toEqual(["8", "14", "20"]);
      const flagged = timeline.locator("li.risk");
      expect(await flagged.count()).toBe(1);
      expect(await flagged.textContent()).toMatch(/PHQ-9: 20/);
      expect(await flagged.textContent()).toMatch(/Risk flag: PHQ-9 item 9 positive/);
    });
  });

  it("generates a note, saves it to the client, edits and signs it; a signed note refuses edits and takes an addendum", async () => {
    await withPage(async (page) => {
      await scriptStub({ reset: true, chat: [{ content: JSON.stringify(MODEL_NOTE) }] });
      await page.goto(consoleUrl("/app/notes"));
      await page.getByLabel("Format").selectOption("dap");
      await page.getByLabel("Session text or transcript").fill(SESSION_TEXT);
      await page.getByRole("button", { name: "Generate note" }).click();
      await expect.poll(() => page.locator("#note-status").textContent(), { timeout: 30_000 }).toBe("Note ready.");

      // A statement reached with Tab marks the session's words it rests on.
      const statements = page.locator("#note-result .statements li");
      expect(await statements.allTextContents()).toEqual(
        MODEL_NOTE.statements.data.concat(MODEL_NOTE.statements.assessment, MODEL_NOTE.statements.plan).map((s) => s.text),
      );
      for (let press = 0; press < 40; press++) {
        if (await page.evaluate(() => document.activeElement?.textContent === "Reports worry on most days and poor sleep.")) break;
        await page.keyboard.press("Tab");
      }
      expect(await page.evaluate(() => document.activeElement?.closest(".statements") !== null)).toBe(true);
      expect(await page.locator("#note-source mark").allTextContents()).toEqual(["worry most days and poor sleep"]);
      await page.keyboard.press("Tab");
      expect(await page.locator("#note-source mark").allTextContents()).toEqual(["We practised paced breathing."]);

      const save = page.locator("section.save-to-client");
      await save.getByLabel("Client").selectOption({ label: LABEL });
      await save.getByRole("button", { name: "Save to client" }).click();
      const open = save.getByRole("link", { name: "Open the record" });
      await open.waitFor({ timeout: 20_000 });
      expect(await save.getByRole("status").textContent()).toContain(`Saved as a draft note for ${LABEL}.`);
      await open.click();
      await page.waitForURL(/\/app\/clients\/[0-9a-f-]{36}\/notes\/[0-9a-f-]{36}$/);
      notePath = new URL(page.url()).pathname;
      expect(notePath.startsWith(`${clientPath}/notes/`)).toBe(true);
      expect(await page.locator("strong.note-status").textContent()).toBe("Draft");

      // Edit the draft.
      const data = page.getByLabel("Data", { exact: true });
      expect(await data.inputValue()).toContain("Reports worry on most days and poor sleep.");
      await data.fill("Client reports worry most days and poor sleep (edited after review).");
      noteDate = await page.getByLabel("Session date").inputValue();
      await page.getByRole("button", { name: "Save changes" }).click();
      await page.waitForURL(/done=saved$/);
      expect(await page.getByRole("status").filter({ hasText: "Changes saved." }).count()).toBe(1);
      expect(await page.getByLabel("Data", { exact: true }).inputValue()).toBe(
        "Client reports worry most days and poor sleep (edited after review).",
      );

      // Sign: the box must be ticked.
      await page.getByLabel("I have reviewed this note and want to sign it.").check();
      await page.getByRole("button", { name: "Sign note" }).click();
      await page.waitForURL(/done=signed$/);
      expect(await page.locator("strong.note-status").textContent()).toBe("Signed");
      expect(await page.getByText(/Signed by .* on /).count()).toBe(1);
      expect(await page.getByText("(edited after review)").count()).toBe(1);

      // No edit form on a signed note, and a posted edit is refused with a 409 page.
      expect(await page.getByRole("button", { name: "Save changes" }).count()).toBe(0);
      expect(await page.getByRole("button", { name: "Sign note" }).count()).toBe(0);
      expect(await page.getByRole("textbox").count()).toBe(1); // the addendum only
      const csrf = await page.locator('form input[name="_csrf"]').first().inputValue();
      const refused = await page.request.post(consoleUrl(notePath), {
        headers: { Origin: new URL(consoleUrl()).origin },
        form: {
          _csrf: csrf,
          session_date: noteDate,
          section_data: "Rewritten after signing.",
          section_assessment: "x",
          section_plan: "x",
        },
      });
      expect(refused.status()).toBe(409);
      expect(await refused.text()).toContain("This note is signed and can no longer be changed.");
      await page.reload();
      expect(await page.getByText("Rewritten after signing.").count()).toBe(0);
      expect(await page.getByText("(edited after review)").count()).toBe(1);

      // An addendum is the only change.
      await page.getByLabel("Addendum", { exact: true }).fill("Correction: the breathing exercise was box breathing.");
      await page.getByRole("button", { name: "Add addendum" }).click();
      await page.waitForURL(/done=addendum$/);
      const addenda = page.getByRole("region", { name: "Addenda" });
      expect(await addenda.getByText("Correction: the breathing exercise was box breathing.").count()).toBe(1);
      expect(await addenda.textContent()).toMatch(/\(UTC\), by \S/);

      // The client's timeline shows the signed note.
      await page.goto(consoleUrl(clientPath));
      const timeline = page.getByRole("list", { name: "Notes, measures and risk flags, newest first" });
      const noteEntry = timeline.locator("li").filter({ hasText: "DAP session note" });
      expect(await noteEntry.count()).toBe(1);
      expect(await noteEntry.textContent()).toContain("Signed");
    });
  });

  it("writes a plan with two goals and updates a goal's status with the note as evidence", async () => {
    await withPage(async (page) => {
      await page.goto(consoleUrl(`${clientPath}/plan`));
      await page.locator("#plan-problems-0-description").fill("Persistent worry and poor sleep");
      await page.locator("#plan-goals-0-text").fill("Sleep at least 7 hours on 5 nights a week");
      await page.locator("#plan-goals-1-text").fill("PHQ-9 below 10 by the review");
      await page.getByRole("button", { name: "Save the plan" }).click();
      await page.waitForURL(/saved=plan$/);
      const goals = page.locator("ol.goals > li.goal");
      expect(await goals.count()).toBe(2);
      await expectAccessible(page);

      const first = page.getByRole("form", { name: "Change the status of Goal 1" });
      await first.getByLabel("New status").selectOption({ label: "In progress" });
      await first.getByLabel("Note that shows it").selectOption({ label: `Session of ${noteDate}` });
      await first.getByRole("button", { name: "Update status" }).click();
      await page.waitForURL(/saved=goal#goal-/);
      expect(await page.getByRole("status").filter({ hasText: "Goal status saved." }).count()).toBe(1);

      await page.goto(consoleUrl(clientPath));
      const plan = page.getByRole("region", { name: "Treatment plan" });
      const goal = plan.locator("li.goal").first();
      expect(await goal.locator(".goal-status").textContent()).toBe("In progress");
      expect(await plan.locator("li.goal").nth(1).locator(".goal-status").textContent()).toBe("Not started");
      await goal.getByText("History of Goal 1").click();
      const history = (await goal.locator("details ol li").allTextContents()).map((text) => text.replace(/\s+/g, " "));
      expect(history).toHaveLength(1);
      expect(history[0]).toMatch(/^In progress, /);
      expect(history[0]).toContain(`(evidence: note of ${noteDate})`);
      await saveScreenshot(page, "workspace-client");
    });
  });

  it("fits a 360 px wide phone, and axe finds no WCAG 2.1 AA violation on the list, the client page and the note editor", async () => {
    await withPage(
      async (page) => {
        await page.goto(consoleUrl(clientPath));
        expect(await page.evaluate(() => document.scrollingElement?.scrollWidth ?? Number.POSITIVE_INFINITY)).toBeLessThanOrEqual(360);
        await saveScreenshot(page, "workspace-client");
        await expectAccessible(page);
      },
      { width: 360, height: 740 },
    );
    await withPage(async (page) => {
      await page.goto(consoleUrl("/app/clients"));
      expect(await page.getByRole("link", { name: LABEL }).count()).toBe(1);
      await expectAccessible(page);
      await page.goto(consoleUrl(notePath));
      await expectAccessible(page);
      await page.goto(consoleUrl(`${clientPath}/notes/new`));
      await expectAccessible(page);
    });
  });

  it("reaches the note editor's fields, the sign box and Sign note with Tab", async () => {
    await withPage(async (page) => {
      await page.goto(consoleUrl(`${clientPath}/notes/new?format=dap`));
      await page.getByLabel("Data", { exact: true }).fill("Client describes a calmer week.");
      await page.getByRole("button", { name: "Save draft" }).click();
      await page.waitForURL(/done=created$/);
      const reached = new Set<string>();
      for (let press = 0; press < 60; press++) {
        await page.keyboard.press("Tab");
        const name = await page.evaluate(() => {
          const el = document.activeElement as HTMLElement | null;
          if (!el) return "";
          const label = el.id ? document.querySelector(`label[for="${el.id}"]`)?.textContent : el.closest("label")?.textContent;
          return `${el.tagName.toLowerCase()}:${(label ?? el.textContent ?? "").trim()}`;
        });
        reached.add(name);
      }
      const names = [...reached];
      for (const wanted of [
        /^input:Session date$/,
        /^textarea:Data$/,
        /^textarea:Plan$/,
        /^button:Save changes$/,
        /^input:I have reviewed/,
        /^button:Sign note$/,
      ])
        expect(
          names.some((name) => wanted.test(name)),
          `${wanted} among ${names.join(" | ")}`,
        ).toBe(true);
    });
  });
});
