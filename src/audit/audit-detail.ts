/**
 * What an audit event may say beyond its columns: an allow-list of small, non-clinical facts.
 * Strings are machine words (problem codes, reasons, field names, formats) or ids, never free
 * text, so the clinical text of a request or an answer has nowhere to go: a caller gets a type
 * error at compile time, and a value that slips past the types is refused when the event is
 * written.
 */
import { z } from "zod";

/** A stable machine word: a problem code, a reason, a field or format name. */
const word = z.string().regex(/^[A-Za-z0-9_.:-]{1,64}$/);
const count = z.number().int().nonnegative();
const accountState = z.strictObject({ role: word, is_active: z.boolean(), is_verified: z.boolean() });

const detailShape = {
  // Outcome
  error: word,
  reason: word,
  stage: word,
  // Accounts
  role: word,
  fields: z.array(word).max(32),
  verification_reset: z.boolean(),
  scopes: z.array(word).max(8),
  /** How a second factor was answered or enrolled (totp, recovery_code, passkey, enrolment), never the code. */
  method: word,
  before: accountState,
  after: accountState,
  // Clinical AI actions: sizes and ids, never the text
  symptoms_chars: count,
  context_chars: count,
  diagnosis_chars: count,
  case_id: word,
  text_chars: count,
  /** Where a note's text came from: `text` or `audio`. */
  input: z.enum(["text", "audio"]),
  /** A report's kind (diagnose, treatment, case_analysis, note). */
  kind: word,
  codes: count,
  mode: z.enum(["llm", "offline"]),
  sources: z.array(z.uuid()).max(50),
  /** A scored questionnaire's id (phq9, gad7 …), never its answers. */
  instrument: word,
  // Interaction checks: counts, never the drug names
  medications: count,
  unrecognised: count,
  interactions: count,
  // The clinician workspace: which record inside the client (the event's target), never its text
  note_id: z.uuid(),
  goal_id: z.uuid(),
  measure_id: z.uuid(),
  status: word,
  resealed: count,
  // Files and documents
  bytes: count,
  format: word,
  duration_seconds: z.number().nonnegative(),
  audio_removed: z.boolean(),
  file_removed: z.boolean(),
  chunks: count,
  embedded: z.union([z.boolean(), count]),
  remaining: count,
  /** The import's address as the server fetched it (ASCII: the URL parser has encoded it). */
  url: z
    .url()
    .max(2000)
    .regex(/^[\x21-\x7e]+$/),
};

export const AuditDetail = z.strictObject(detailShape).partial();

/**
 * What an erased account's events keep of their detail: facts about the work (codes, counts,
 * sizes, document ids), not about the person (role, account state, edited fields, an import's
 * address). A key added later is dropped until someone decides it belongs here. The account's
 * own actions on another account keep their whole detail (pseudonymiseAuditEvents).
 */
export const ERASURE_KEPT_DETAIL: readonly (keyof typeof detailShape)[] = [
  "error",
  "reason",
  "stage",
  "scopes",
  "symptoms_chars",
  "context_chars",
  "diagnosis_chars",
  "case_id",
  "mode",
  "sources",
  "medications",
  "unrecognised",
  "interactions",
  "bytes",
  "format",
  "duration_seconds",
  "audio_removed",
  "file_removed",
  "chunks",
  "embedded",
  "remaining",
];
export type AuditDetail = z.input<typeof AuditDetail>;

/** The detail to store, or null with the offending keys when a caller broke the allow-list. */
export function storableDetail(detail: AuditDetail | undefined): { detail: AuditDetail | null; refused?: string[] } {
  if (!detail) return { detail: null };
  const parsed = AuditDetail.safeParse(detail);
  if (!parsed.success)
    return {
      detail: null,
      refused: [
        ...new Set(
          parsed.error.issues.flatMap((issue) => (issue.code === "unrecognized_keys" ? issue.keys : [String(issue.path[0] ?? "")])),
        ),
      ],
    };
  return { detail: Object.keys(parsed.data).length ? parsed.data : null };
}

/**
 * The allow-listed part of a stored detail, for showing to admins: keys outside the list (from
 * rows written before it existed) and values of the wrong shape are dropped, not shown.
 */
export function readableDetail(stored: unknown): AuditDetail | null {
  if (!stored || typeof stored !== "object" || Array.isArray(stored)) return null;
  const valid = Object.entries(stored).filter(
    ([key, value]) => Object.hasOwn(detailShape, key) && detailShape[key as keyof typeof detailShape].safeParse(value).success,
  );
  return valid.length ? (Object.fromEntries(valid) as AuditDetail) : null;
}
