/**
 * Measures over time: a questionnaire administered to a client, scored by the §6 scorer and kept
 * in the client's record, and the client's series read back against the first score. Each is one
 * audited event naming the client, the instrument and the measure, never the answers.
 */
import { assess } from "../../assessments/assess";
import { INSTRUMENTS, type Instrument, scoreRange } from "../../assessments/instrument-registry";
import { type AssessmentResult, scoreAssessment } from "../../assessments/scoring";
import { validResponses } from "../../assessments/validation";
import type { UseCaseDeps } from "../../use-case/deps";
import { ownedClient } from "../clients/owned-client";
import { openJson, sealContext, sealJson } from "../crypto/field-cipher";
import { clientTarget, type WorkspaceDeps, workspaceAction } from "../workspace-action";
import { seriesByInstrument, toSeries } from "./measure-series";
import { insertMeasure, listClientMeasures, listClientMeasuresWithResponses } from "./measures.data";
import type { CreateMeasureInput, Measure, MeasureListQuery, MeasureSeries } from "./measures.schemas";

/**
 * The scorer's true flags as words, in a stable (alphabetical) order; at_or_above_cutoff repeats
 * screen_positive (kept only for v1), so it is left out.
 */
const flagWords = (flags: AssessmentResult["flags"]) =>
  Object.entries(flags)
    .filter(([name, set]) => set && name !== "at_or_above_cutoff")
    .map(([name]) => name)
    .sort();

export function recordMeasure(deps: UseCaseDeps, clientId: string, input: CreateMeasureInput): Promise<Measure> {
  return workspaceAction(
    deps,
    { action: "workspace.measure.create", target: clientTarget(clientId), asked: { instrument: input.instrument } },
    async (workspace, note) => {
      await ownedClient(workspace, clientId);
      // The same validation as POST /assessments/{instrument}: a bad answer is a 400 before anything is stored.
      const { safety, flags, severity, item_scores: _answers, ...result } = assess(input.instrument, input.responses, deps.country);
      // The answers as validated (a skipped branch is null), which is what a FHIR QuestionnaireResponse later needs.
      const values = validResponses(INSTRUMENTS[input.instrument], input.responses);
      const id = crypto.randomUUID();
      note({ detail: { measure_id: id } });
      const row = await insertMeasure(workspace.db, {
        id,
        clientId,
        instrument: input.instrument,
        administeredAt: new Date(input.administered_at),
        score: result.score,
        band: severity,
        flags: flagWords(flags),
        responsesSealed: await sealJson(workspace.keyring, values, sealContext("client_measures", id, "responses")),
        keyId: workspace.keyring.current.id,
        createdBy: workspace.account.id,
      });
      return {
        id: row.id,
        client_id: clientId,
        instrument: input.instrument,
        name: result.name,
        administered_at: row.administeredAt.toISOString(),
        score: row.score,
        max_score: result.max_score,
        band: row.band,
        interpretation: result.interpretation,
        flags: row.flags,
        cutoff: result.cutoff,
        criteria: result.criteria,
        subscales: result.subscales,
        safety,
        created_at: row.createdAt.toISOString(),
      };
    },
  );
}

/** One instrument's series. An instrument the client has never done is an empty series, with its rule. */
export function measureSeries(
  deps: UseCaseDeps,
  clientId: string,
  instrument: NonNullable<MeasureListQuery["instrument"]>,
): Promise<MeasureSeries> {
  return workspaceAction(
    deps,
    { action: "workspace.measure.list", target: clientTarget(clientId), asked: { instrument } },
    async (workspace) => {
      await ownedClient(workspace, clientId);
      return toSeries(instrument, await listClientMeasures(workspace.db, clientId, instrument));
    },
  );
}

/** Every instrument's series (the console draws each); the REST summary keeps the first and last point of each. */
export function allMeasureSeries(deps: UseCaseDeps, clientId: string): Promise<MeasureSeries[]> {
  return workspaceAction(deps, { action: "workspace.measure.list", target: clientTarget(clientId) }, async (workspace) => {
    await ownedClient(workspace, clientId);
    return seriesByInstrument(await listClientMeasures(workspace.db, clientId));
  });
}

export async function measureSummaries(deps: UseCaseDeps, clientId: string) {
  const all = await allMeasureSeries(deps, clientId);
  return {
    measures: all.map(({ instrument, name, series, rule }) => ({
      instrument,
      name,
      administrations: series.length,
      baseline: { administered_at: series[0].administered_at, score: series[0].score },
      latest: series[series.length - 1],
      rule,
    })),
  };
}

/** A stored administration with its answers opened: what the FHIR export (src/fhir/resources/measure-resources.ts) needs. */
export interface MeasureForExport {
  id: string;
  instrument: Instrument;
  name: string;
  administered_at: string;
  score: number;
  max_score: number;
  band: string;
  interpretation: string;
  flags: string[];
  /** One per item, as validated when recorded: the answer's value, null where the branching skipped the item. */
  responses: Array<number | null>;
  subscales: Array<{ id: string; name: string; score: number; max_score: number }>;
}

/**
 * Every administration of a client, oldest first, answers opened, inside a caller's own workspace
 * action (the client bundle's): the caller has checked that the client is its own (ownedClient).
 * The stored score and band are the record; the interpretation is the band's published wording and
 * the subscales are read again from the answers.
 */
export async function loadMeasuresForExport(workspace: WorkspaceDeps, clientId: string): Promise<MeasureForExport[]> {
  const rows = await listClientMeasuresWithResponses(workspace.db, clientId);
  return Promise.all(
    rows.map(async (row) => {
      const instrument = row.instrument as Instrument;
      const definition = INSTRUMENTS[instrument];
      const responses = await openJson<Array<number | null>>(
        workspace.keyring,
        row.responsesSealed,
        sealContext("client_measures", row.id, "responses"),
      );
      return {
        id: row.id,
        instrument,
        name: definition.name,
        administered_at: row.administeredAt.toISOString(),
        score: row.score,
        max_score: scoreRange(definition).max,
        band: row.band,
        interpretation: definition.bands.find((band) => band.severity === row.band)?.interpretation ?? "",
        flags: row.flags,
        responses,
        subscales: scoreAssessment(instrument, responses).subscales,
      };
    }),
  );
}

/** The same, as its own audited read of the client's record (`workspace.measure.export`). */
export function measuresForExport(deps: UseCaseDeps, clientId: string): Promise<MeasureForExport[]> {
  return workspaceAction(deps, { action: "workspace.measure.export", target: clientTarget(clientId) }, async (workspace) => {
    await ownedClient(workspace, clientId);
    return loadMeasuresForExport(workspace, clientId);
  });
}
