/**
 * A demo client in the demo therapist's workspace, so the console's client page, its charts and
 * the FHIR download have something to show on a fresh `npm run dev`. Written through the running
 * API as the therapist (the same use cases, sealing and audit as a clinician's own records), once:
 * a workspace that already has the client is left alone.
 */
const DEMO_THERAPIST = "therapist@demo.local";
const LABEL = "Demo client A-1";

/** The few fields of the API's answers this script reads. */
interface Answer {
  id: string;
  clients?: unknown[];
  goals?: Array<{ id: string }>;
}

type Api = (path: string, body?: unknown, method?: string) => Promise<{ status: number; body: Answer | null }>;

function apiAs(url: string, token: string): Api {
  return async (path, body, method = body === undefined ? "GET" : "POST") => {
    const res = await fetch(`${url}${path}`, {
      method,
      headers: { Authorization: `Bearer ${token}`, "Content-Type": "application/json" },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    return { status: res.status, body: (await res.json().catch(() => null)) as Answer | null };
  };
}

const daysAgo = (days: number) => new Date(Date.now() - days * 86_400_000);
const isoDate = (date: Date) => date.toISOString().slice(0, 10);

/** Creates the demo client; false when it was there already. Throws when the API refuses a step. */
export async function seedDemoWorkspace(url: string, password: string): Promise<boolean> {
  const login = await fetch(`${url}/api/auth/login`, {
    method: "POST",
    headers: { "Content-Type": "application/json" },
    body: JSON.stringify({ email: DEMO_THERAPIST, password }),
  });
  if (!login.ok) throw new Error(`demo workspace: login failed (${login.status})`);
  const api = apiAs(url, ((await login.json()) as { access_token: string }).access_token);
  const must = async (path: string, body?: unknown, method?: string) => {
    const res = await api(path, body, method);
    if (res.status >= 300)
      throw new Error(`demo workspace: ${method ?? "POST"} ${path} answered ${res.status}: ${JSON.stringify(res.body)}`);
    return res.body as Answer;
  };

  const existing = await api(`/api/v1/clients?q=${encodeURIComponent(LABEL)}`);
  if (existing.body?.clients?.length) return false;
  const client = await must("/api/v1/clients", {
    label: LABEL,
    year_of_birth: 1988,
    sex: "female",
    pronouns: "she/her",
    preferred_language: "en",
  });
  const base = `/api/v1/clients/${client.id}`;
  try {
    await fillRecord(must, base);
  } catch (error) {
    // Half a demo record would stay half done (the next run sees the label and skips): remove it so the next run starts again.
    await api(base, undefined, "DELETE");
    throw error;
  }
  return true;
}

type Must = (path: string, body?: unknown, method?: string) => Promise<Answer>;

async function fillRecord(must: Must, base: string) {
  // PHQ-9 falling from moderately severe to mild over six weeks; GAD-7 alongside.
  const phq9 = [
    [42, [3, 2, 2, 2, 2, 2, 2, 1, 1]],
    [21, [2, 2, 1, 2, 1, 1, 1, 1, 0]],
    [0, [1, 1, 1, 1, 0, 1, 0, 0, 0]],
  ] as const;
  for (const [days, responses] of phq9)
    await must(`${base}/measures`, { instrument: "phq9", responses, administered_at: daysAgo(days).toISOString() });
  await must(`${base}/measures`, { instrument: "gad7", responses: [2, 2, 2, 1, 1, 2, 1], administered_at: daysAgo(42).toISOString() });
  await must(`${base}/measures`, { instrument: "gad7", responses: [1, 1, 1, 1, 0, 1, 0], administered_at: daysAgo(0).toISOString() });

  await must(`${base}/diagnoses`, {
    condition: "Major depressive disorder, single episode, moderate",
    dsm5_code: "F32.1",
    icd11_code: "6A70.1",
  });
  const plan = await must(
    `${base}/plan`,
    {
      problems: [{ description: "Low mood, poor sleep and withdrawal from friends for two months" }],
      objectives: [{ description: "Schedule three valued activities a week", target_week: 4 }],
      interventions: [{ name: "Behavioral activation", evidence_level: "A", frequency: "weekly, 12 sessions" }],
      measures: [{ instrument: "PHQ-9", frequency: "every two weeks", target: "below 5" }],
      review_date: isoDate(daysAgo(-42)),
      goals: [{ text: "PHQ-9 below 10 within eight weeks" }, { text: "Back at the weekly football practice" }],
    },
    "PUT",
  );
  const goalId = plan.goals?.[0]?.id;
  const note = await must(`${base}/notes`, {
    session_date: isoDate(daysAgo(21)),
    format: "dap",
    sections: {
      data: "Client reports sleeping six hours most nights and has gone for two walks with a friend this week.",
      assessment: "Mood improving with activation; PHQ-9 fell from 17 to 11.",
      plan: "Continue activity scheduling; review sleep diary next session.",
    },
    goal_ids: [goalId],
  });
  await must(`${base}/notes/${note.id}/sign`, {});
  await must(`${base}/plan/goals/${goalId}`, { status: "in_progress", note_id: note.id }, "PATCH");
  await must(`${base}/notes`, {
    session_date: isoDate(daysAgo(0)),
    format: "dap",
    sections: {
      data: "Draft: to complete after today's session.",
      assessment: "Not documented in the source text.",
      plan: "Not documented in the source text.",
    },
  });
  return true;
}
