/**
 * A client at a glance, for an assistant (the MCP tool get_client_summary): per instrument the
 * baseline, the latest score and its reliable-change reading, the recent scores; the plan's goals
 * with their status; how many notes are draft and signed and the latest session; and the risk
 * items that were positive. Structure only: the goals' text (clinical free text) is opened only
 * when asked for, and the audit event says so. One audited event naming the client.
 */
import { count, eq, max } from "drizzle-orm";
import type { Database } from "../lib/db";
import type { UseCaseDeps } from "../use-case/deps";
import { ownedClient } from "../workspace/clients/owned-client";
import { open, sealContext } from "../workspace/crypto/field-cipher";
import { seriesByInstrument } from "../workspace/measures/measure-series";
import { listClientMeasures, type MeasurePointRow } from "../workspace/measures/measures.data";
import { findPlan, listGoals } from "../workspace/plan/plan.data";
import { clientNotes, type GoalStatus } from "../workspace/workspace.table";
import { clientTarget, workspaceAction } from "../workspace/workspace-action";
import type { ClientSummary, RiskFlag } from "./client-summary.schemas";

/** Enough points to read a trend without sending a long history through the model. */
const RECENT_SCORES = 10;
const MAX_RISK_FLAGS = 20;

/** Measure flags that mark self-harm risk: PHQ-9 item 9, EPDS item 10, and a positive C-SSRS screener. */
function riskFlagsOf(row: MeasurePointRow): string[] {
  const flags: string[] = row.flags.filter((flag) => flag === "item9_positive" || flag === "item10_positive");
  if (row.instrument === "cssrs" && row.flags.includes("screen_positive")) flags.push("screen_positive");
  return flags;
}

/** Draft and signed notes and the latest session date, counted in the database (no note is opened). */
// A small read of its own: the notes data module has no count, and the summary must not open the notes.
async function noteCounts(db: Database, clientId: string): Promise<ClientSummary["notes"]> {
  const rows = await db
    .select({ status: clientNotes.status, notes: count(), latest: max(clientNotes.sessionDate) })
    .from(clientNotes)
    .where(eq(clientNotes.clientId, clientId))
    .groupBy(clientNotes.status);
  const of = (status: string) => rows.find((row) => row.status === status);
  const latest = rows.map((row) => row.latest).filter((date): date is string => date !== null);
  return {
    draft: of("draft")?.notes ?? 0,
    signed: of("signed")?.notes ?? 0,
    latest_session_date: latest.sort().at(-1) ?? null,
  };
}

export function clientSummary(
  deps: UseCaseDeps,
  clientId: string,
  { includeText, action }: { includeText: boolean; action: string },
): Promise<ClientSummary> {
  const asked = includeText ? { fields: ["goal_text"] } : undefined;
  return workspaceAction(deps, { action, target: clientTarget(clientId), asked }, async (workspace) => {
    const client = await ownedClient(workspace, clientId);
    const [measureRows, plan, goalRows, notes] = await Promise.all([
      listClientMeasures(workspace.db, clientId),
      findPlan(workspace.db, clientId),
      listGoals(workspace.db, clientId),
      noteCounts(workspace.db, clientId),
    ]);

    const measures = seriesByInstrument(measureRows).map(({ instrument, name, series, rule }) => {
      const first = series[0];
      const last = series[series.length - 1];
      return {
        instrument,
        name,
        administrations: series.length,
        baseline: { administered_at: first.administered_at, score: first.score, band: first.band },
        latest: {
          administered_at: last.administered_at,
          score: last.score,
          band: last.band,
          change_from_baseline: last.change_from_baseline,
          reliable_change: last.reliable_change,
          response: last.response,
          remission: last.remission,
        },
        recent_scores: series.slice(-RECENT_SCORES).map(({ administered_at, score }) => ({ administered_at, score })),
        rule: rule?.summary ?? null,
      };
    });

    const risk_flags: RiskFlag[] = measureRows
      .flatMap((row) =>
        riskFlagsOf(row).map((flag) => ({
          instrument: row.instrument,
          flag,
          administered_at: row.administeredAt.toISOString(),
          measure_id: row.id,
        })),
      )
      .reverse()
      .slice(0, MAX_RISK_FLAGS);

    const goals = await Promise.all(
      goalRows.map(async (row) => ({
        id: row.id,
        status: row.status as GoalStatus,
        // The same envelope context as the plan's own reads (plan.flow.ts): plan_goals:<id>:text.
        ...(includeText ? { text: await open(workspace.keyring, row.textSealed, sealContext("plan_goals", row.id, "text")) } : {}),
      })),
    );

    return {
      id: client.id,
      label: client.label,
      status: client.status,
      measures,
      plan: plan ? { review_date: plan.reviewDate, updated_at: plan.updatedAt.toISOString(), goals } : null,
      notes,
      risk_flags,
      text_included: includeText,
    };
  });
}
