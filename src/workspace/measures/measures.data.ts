/** Client measures in Postgres. Callers have already checked that the client is the caller's own (ownedClient). */
import { and, asc, eq } from "drizzle-orm";
import type { Database } from "../../lib/db";
import { clientMeasures } from "../workspace.table";

export type NewMeasure = typeof clientMeasures.$inferInsert;
export type MeasureRow = typeof clientMeasures.$inferSelect;

export async function insertMeasure(db: Database, measure: NewMeasure): Promise<MeasureRow> {
  const [row] = await db.insert(clientMeasures).values(measure).returning();
  return row;
}

/** What a series point shows: everything but the sealed responses, which a series never needs. */
const pointColumns = {
  id: clientMeasures.id,
  instrument: clientMeasures.instrument,
  administeredAt: clientMeasures.administeredAt,
  score: clientMeasures.score,
  band: clientMeasures.band,
  flags: clientMeasures.flags,
};
const oldestFirst = [asc(clientMeasures.administeredAt), asc(clientMeasures.createdAt), asc(clientMeasures.id)];

/** A client's administrations, oldest first (one instrument's, or all), without the sealed responses. */
export function listClientMeasures(db: Database, clientId: string, instrument?: string) {
  const conditions = [eq(clientMeasures.clientId, clientId)];
  if (instrument) conditions.push(eq(clientMeasures.instrument, instrument));
  return db
    .select(pointColumns)
    .from(clientMeasures)
    .where(and(...conditions))
    .orderBy(...oldestFirst);
}

export type MeasurePointRow = Awaited<ReturnType<typeof listClientMeasures>>[number];

/** A client's administrations, oldest first, with the sealed responses: only the FHIR export opens them. */
export function listClientMeasuresWithResponses(db: Database, clientId: string) {
  return db
    .select({ ...pointColumns, responsesSealed: clientMeasures.responsesSealed })
    .from(clientMeasures)
    .where(eq(clientMeasures.clientId, clientId))
    .orderBy(...oldestFirst);
}
