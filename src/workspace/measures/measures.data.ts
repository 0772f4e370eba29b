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

/** A client's administrations, oldest first (one instrument's, or all), without the sealed responses: a series never needs them. */
export function listClientMeasures(db: Database, clientId: string, instrument?: string) {
  const conditions = [eq(clientMeasures.clientId, clientId)];
  if (instrument) conditions.push(eq(clientMeasures.instrument, instrument));
  return db
    .select({
      id: clientMeasures.id,
      instrument: clientMeasures.instrument,
      administeredAt: clientMeasures.administeredAt,
      score: clientMeasures.score,
      band: clientMeasures.band,
      flags: clientMeasures.flags,
    })
    .from(clientMeasures)
    .where(and(...conditions))
    .orderBy(asc(clientMeasures.administeredAt), asc(clientMeasures.createdAt), asc(clientMeasures.id));
}

export type MeasurePointRow = Awaited<ReturnType<typeof listClientMeasures>>[number];

/** A client's administrations, oldest first, with the sealed responses: only the FHIR export opens them. */
export function listClientMeasuresWithResponses(db: Database, clientId: string) {
  return db
    .select({
      id: clientMeasures.id,
      instrument: clientMeasures.instrument,
      administeredAt: clientMeasures.administeredAt,
      score: clientMeasures.score,
      band: clientMeasures.band,
      flags: clientMeasures.flags,
      responsesSealed: clientMeasures.responsesSealed,
    })
    .from(clientMeasures)
    .where(eq(clientMeasures.clientId, clientId))
    .orderBy(asc(clientMeasures.administeredAt), asc(clientMeasures.createdAt), asc(clientMeasures.id));
}
