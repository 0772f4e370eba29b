/** Recorded diagnoses in Postgres; callers have already checked that the client is the caller's. */
import { and, asc, eq, sql } from "drizzle-orm";
import type { Database } from "../../lib/db";
import { type ClientDiagnosisRow, clientDiagnoses, type DiagnosisVerification } from "../workspace.table";

export async function insertDiagnosis(db: Database, row: typeof clientDiagnoses.$inferInsert): Promise<ClientDiagnosisRow> {
  const [inserted] = await db.insert(clientDiagnoses).values(row).returning();
  return inserted;
}

export function listDiagnoses(db: Database, clientId: string) {
  return db
    .select()
    .from(clientDiagnoses)
    .where(eq(clientDiagnoses.clientId, clientId))
    .orderBy(asc(clientDiagnoses.recordedAt), asc(clientDiagnoses.id));
}

/** The changed row, or undefined when the client has no such diagnosis. */
export async function updateDiagnosisVerification(
  db: Database,
  clientId: string,
  id: string,
  verification: DiagnosisVerification,
): Promise<ClientDiagnosisRow | undefined> {
  const [row] = await db
    .update(clientDiagnoses)
    .set({ verification, updatedAt: sql`now()` })
    .where(and(eq(clientDiagnoses.clientId, clientId), eq(clientDiagnoses.id, id)))
    .returning();
  return row;
}
