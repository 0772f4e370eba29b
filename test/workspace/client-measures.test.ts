/**
 * Measures over time (docs/api.md §12): questionnaires administered to a client are scored by the
 * §6 scorer (same validation, same 400), stored with the answers sealed, and read back as a
 * series against the first score by the instrument's published change rule. Another clinician's
 * client is 404. The console's chart is an accessible SVG with a data table beside it.
 */
import { jsx } from "hono/jsx";
import { describe, expect, it } from "vitest";
import { INSTRUMENTS } from "../../src/assessments/instrument-registry";
import { MeasureChart } from "../../src/console/pages/workspace/measure-chart";
import { MeasuresSection } from "../../src/console/pages/workspace/measures-section";
import { CHANGE_RULES } from "../../src/workspace/measures/change-rules";
import { expectProblem, type LoggedIn, runSql } from "../support/accounts";
import { addClient, bearer, workspaceFixture } from "../support/workspace";

const { api, clinician } = await workspaceFixture();

interface Point {
  id: string;
  administered_at: string;
  score: number;
  band: string;
  change_from_baseline: number;
  reliable_change: string | null;
  response: boolean | null;
  remission: boolean | null;
  flags: string[];
}

/** PHQ-9 answers totalling 18 (item 9 positive), 12 and 4. */
const PHQ9_18 = [2, 2, 2, 2, 2, 2, 2, 2, 2];
const PHQ9_12 = [2, 2, 2, 2, 1, 1, 1, 1, 0];
const PHQ9_4 = [1, 1, 1, 1, 0, 0, 0, 0, 0];

const clientIdOf = async (account: LoggedIn, label = "Client M-1") => (await addClient(api, account, { label })).id;

async function record(account: LoggedIn, clientId: string, instrument: string, responses: unknown[], administered_at: string) {
  const { res, body } = await api.json(`/api/v1/clients/${clientId}/measures`, { instrument, responses, administered_at }, bearer(account));
  expect(res.status, JSON.stringify(body)).toBe(201);
  return body as { id: string; score: number; band: string; flags: string[]; interpretation: string; safety: { crisis_detected: boolean } };
}

const measureCount = async (clientId: string) =>
  Number((await runSql(api, "select count(*) from client_measures where client_id = $1", [clientId]))[0][0]);

describe("client measures over time", () => {
  it("stores PHQ-9 administrations and reads them back in date order against the first, by the published rule", async () => {
    const therapist = await clinician();
    const clientId = await clientIdOf(therapist);
    // Sent out of order: the series is ordered by when each was administered.
    await record(therapist, clientId, "phq9", PHQ9_4, "2026-03-02T10:00:00Z");
    const first = await record(therapist, clientId, "phq9", PHQ9_18, "2026-01-05T10:00:00Z");
    expect(first).toMatchObject({ score: 18, band: "moderately severe", flags: ["item9_positive", "screen_positive"] });
    expect(first.interpretation).toContain("Moderately severe");
    expect(first.safety.crisis_detected).toBe(true);
    await record(therapist, clientId, "phq9", PHQ9_12, "2026-02-02T10:00:00+01:00");
    await record(therapist, clientId, "gad7", [1, 1, 1, 1, 1, 1, 1], "2026-01-05T10:00:00Z");

    const { res, body } = await api.get(`/api/v1/clients/${clientId}/measures?instrument=phq9`, bearer(therapist));
    expect(res.status, JSON.stringify(body)).toBe(200);
    const { series, rule } = body as { series: Point[]; rule: { reliable_change_points: number; sources: string[] } };
    expect(
      series.map((point) => [point.score, point.change_from_baseline, point.reliable_change, point.response, point.remission]),
    ).toEqual([
      [18, 0, null, null, null],
      [12, -6, "improved", false, false],
      [4, -14, "improved", true, true],
    ]);
    expect(series.map((point) => point.administered_at)).toEqual([
      "2026-01-05T10:00:00.000Z",
      "2026-02-02T09:00:00.000Z",
      "2026-03-02T10:00:00.000Z",
    ]);
    expect(series[0].flags).toContain("item9_positive");
    expect(series[1].flags).not.toContain("item9_positive");
    expect(rule.reliable_change_points).toBe(5);
    expect(rule.sources.length).toBeGreaterThan(0);

    const summary = await api.get(`/api/v1/clients/${clientId}/measures`, bearer(therapist));
    expect(summary.body).toMatchObject({
      measures: [
        {
          instrument: "phq9",
          administrations: 3,
          baseline: { score: 18 },
          latest: { score: 4, change_from_baseline: -14, remission: true },
        },
        { instrument: "gad7", administrations: 1, latest: { score: 7, reliable_change: null } },
      ],
    });
  });

  it("classifies nothing for an instrument our table has no published rule for", async () => {
    const therapist = await clinician();
    const clientId = await clientIdOf(therapist);
    await record(therapist, clientId, "phq2", [3, 3], "2026-01-05T10:00:00Z");
    await record(therapist, clientId, "phq2", [0, 0], "2026-02-05T10:00:00Z");
    const { body } = await api.get(`/api/v1/clients/${clientId}/measures?instrument=phq2`, bearer(therapist));
    expect(body).toMatchObject({
      rule: null,
      series: [{ score: 6 }, { score: 0, change_from_baseline: -6, reliable_change: null, response: null, remission: null }],
    });
  });

  it("refuses invalid responses with the assessment scorer's 400 and stores nothing", async () => {
    const therapist = await clinician();
    const clientId = await clientIdOf(therapist);
    const bad = [0, 1, 7, 0, 0, 0, 0, 0];
    const stored = await api.json(
      `/api/v1/clients/${clientId}/measures`,
      { instrument: "phq9", responses: bad, administered_at: "2026-01-05T10:00:00Z" },
      bearer(therapist),
    );
    expectProblem(stored.res, stored.body, 400, "validation_error");
    const scored = await api.json("/api/v1/assessments/phq9", { responses: bad }, bearer(therapist));
    expectProblem(scored.res, scored.body, 400, "validation_error");
    expect(stored.body.errors).toEqual(scored.body.errors);

    for (const administered_at of ["2999-01-01T00:00:00Z", "1899-12-31T00:00:00Z", "yesterday"]) {
      const dated = await api.json(
        `/api/v1/clients/${clientId}/measures`,
        { instrument: "phq9", responses: PHQ9_4, administered_at },
        bearer(therapist),
      );
      expectProblem(dated.res, dated.body, 400, "validation_error");
      expect(dated.body.errors.map((error) => error.path)).toEqual(["body.administered_at"]);
    }
    expect(await measureCount(clientId)).toBe(0);
  });

  it("answers 404 for another clinician's client, reading or writing, and stores nothing", async () => {
    const owner = await clinician();
    const other = await clinician();
    const clientId = await clientIdOf(owner);
    await record(owner, clientId, "phq9", PHQ9_12, "2026-01-05T10:00:00Z");
    const write = await api.json(
      `/api/v1/clients/${clientId}/measures`,
      { instrument: "phq9", responses: PHQ9_4, administered_at: "2026-02-05T10:00:00Z" },
      bearer(other),
    );
    expectProblem(write.res, write.body, 404, "client_not_found");
    for (const path of ["", "?instrument=phq9"]) {
      const read = await api.get(`/api/v1/clients/${clientId}/measures${path}`, bearer(other));
      expectProblem(read.res, read.body, 404, "client_not_found");
    }
    expect(await measureCount(clientId)).toBe(1);
  });

  it("keeps the answers sealed and audits the instrument and measure id, never the answers", async () => {
    const therapist = await clinician();
    const clientId = await clientIdOf(therapist);
    const measure = await record(therapist, clientId, "phq9", PHQ9_18, "2026-01-05T10:00:00Z");
    const [[sealed, keyId]] = (await runSql(api, "select responses_sealed, key_id from client_measures where id = $1", [measure.id])) as [
      [string, string],
    ];
    expect(sealed).toMatch(/^v1\.[0-9a-f]+\.[\w-]+\.[\w-]+$/);
    expect(sealed).not.toContain("2,2");
    expect(sealed).not.toContain("[");
    expect(keyId).toBe(sealed.split(".")[1]);

    const events = (await runSql(
      api,
      "select action, detail::text from audit_events where target = $1 and action like 'workspace.measure.%' order by created_at",
      [`client:${clientId}`],
    )) as Array<[string, string]>;
    expect(events.map(([action]) => action)).toEqual(["workspace.measure.create"]);
    expect(JSON.parse(events[0][1])).toMatchObject({ instrument: "phq9", measure_id: measure.id });
    expect(events[0][1]).not.toContain("2,2");
  });
});

describe("the measure chart", () => {
  const series = [
    {
      id: crypto.randomUUID(),
      administered_at: "2026-01-05T10:00:00.000Z",
      score: 18,
      band: "moderately severe",
      change_from_baseline: 0,
      reliable_change: null,
      response: null,
      remission: null,
      flags: ["item9_positive", "screen_positive"],
    },
    {
      id: crypto.randomUUID(),
      administered_at: "2026-02-02T10:00:00.000Z",
      score: 12,
      band: "moderate",
      change_from_baseline: -6,
      reliable_change: "improved",
      response: false,
      remission: false,
      flags: ["screen_positive"],
    },
    {
      id: crypto.randomUUID(),
      administered_at: "2026-03-02T10:00:00.000Z",
      score: 4,
      band: "minimal",
      change_from_baseline: -14,
      reliable_change: "improved",
      response: true,
      remission: true,
      flags: [],
    },
  ] as const;

  it("renders an SVG with a title, description, labelled axes, shaded bands, flagged points and a table of every point", async () => {
    const html = String(await jsx(MeasureChart, { instrument: "phq9", series, bands: INSTRUMENTS.phq9.bands }).toString());
    expect(html).toMatch(/^<figure[^>]*><figcaption[^>]*>PHQ-9 scores over time<\/figcaption>/);
    const svg = html.slice(html.indexOf("<svg"), html.indexOf("</svg>"));
    expect(svg).toMatch(/<svg[^>]*role="img"[^>]*aria-labelledby="measure-chart-phq9-title measure-chart-phq9-desc"/);
    expect(svg).toMatch(/viewBox="0 0 360 220"[^>]*width="100%"/);
    expect(svg).toContain('<title id="measure-chart-phq9-title">PHQ-9 scores from Jan 5, 2026 to Mar 2, 2026</title>');
    expect(svg).toMatch(/<desc id="measure-chart-phq9-desc">3 administrations, scores Jan 5, 2026: 18 \(moderately severe\);/);
    expect(svg).toContain(">Date</text>");
    expect(svg).toContain(">Score</text>");
    expect(svg.match(/<rect /g)).toHaveLength(INSTRUMENTS.phq9.bands.length);
    expect(svg.match(/<circle /g)).toHaveLength(2);
    expect(svg).toMatch(/<path [^>]*fill="#a1111f"/);
    expect(svg).toContain(">item 9</text>");

    const table = html.slice(html.indexOf("<table"), html.indexOf("</table>"));
    expect(table).toContain("<caption>PHQ-9: every administration</caption>");
    expect(table.match(/<th scope="col">/g)).toHaveLength(6);
    expect(table.match(/<th scope="row">/g)).toHaveLength(3);
    expect(table).toContain("PHQ-9 item 9 positive: thoughts of self-harm; assess risk");
    expect(table).toContain("−14");
    expect(table).toContain("reliable improvement, response, remission");
  });

  it("lists each instrument's latest score and reading with its chart, and says when no rule applies", async () => {
    const html = String(
      await jsx(MeasuresSection, {
        clientId: crypto.randomUUID(),
        summaries: [
          { instrument: "phq9", name: "PHQ-9", series, rule: CHANGE_RULES.phq9 ?? null },
          { instrument: "phq2", name: "PHQ-2", series: [{ ...series[2], score: 1 }], rule: null },
        ],
      }).toString(),
    );
    expect(html).toContain("Latest: 4 of 27 (minimal) on Mar 2, 2026, 3 administrations in all.");
    expect(html).toContain("Change from the first score: −14 (reliable improvement, response, remission).");
    expect(html).toContain("Löwe B");
    expect(html).toContain('href="/app/assessments"');
    expect(html.match(/<figure /g)).toHaveLength(2);
    expect(html).toContain("Our table has no published change rule for this instrument");
  });
});
