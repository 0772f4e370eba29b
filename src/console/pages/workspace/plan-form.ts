/**
 * The plan editing form's model: each list of the plan (problems, objectives, interventions,
 * measures, goals) as numbered rows of named fields (`problems.0.description`), so a refused save
 * comes back with every value as typed and the API's error paths (`body.problems.0.description`)
 * point at the right input. Source ids and a goal's id ride along in hidden fields, so saving from
 * the console keeps what a drafted plan cited and each goal's history.
 */

import type { Plan } from "../../../workspace/plan/plan.schemas";
import type { MessageId } from "../../i18n/i18n";

interface ListField {
  name: string;
  label: MessageId;
  /** The row is empty (left out) when this field is. */
  primary?: true;
  optional?: true;
  number?: true;
}

export interface PlanList {
  key: "problems" | "objectives" | "interventions" | "measures" | "goals";
  heading: MessageId;
  row: MessageId;
  fields: ListField[];
  /** Carried through the form unchanged: source id lists (comma-joined) and a goal's id. */
  hidden: string[];
}

export const PLAN_LISTS: PlanList[] = [
  {
    key: "problems",
    heading: "plan.problems",
    row: "plan.problem",
    fields: [{ name: "description", label: "plan.description", primary: true }],
    hidden: ["supporting_sources"],
  },
  {
    key: "objectives",
    heading: "plan.objectives",
    row: "plan.objective",
    fields: [
      { name: "description", label: "plan.description", primary: true },
      { name: "target_week", label: "plan.week", optional: true, number: true },
    ],
    hidden: [],
  },
  {
    key: "interventions",
    heading: "plan.interventions",
    row: "plan.intervention",
    fields: [
      { name: "name", label: "plan.name", primary: true },
      { name: "frequency", label: "plan.frequency", optional: true },
      { name: "evidence_level", label: "plan.evidenceLevel", optional: true },
    ],
    hidden: ["citations"],
  },
  {
    key: "measures",
    heading: "plan.measures",
    row: "plan.measure",
    fields: [
      { name: "instrument", label: "plan.instrument", primary: true },
      { name: "frequency", label: "plan.frequency", optional: true },
      { name: "target", label: "plan.target", optional: true },
    ],
    hidden: [],
  },
  {
    key: "goals",
    heading: "plan.goals",
    row: "plan.goal",
    fields: [{ name: "text", label: "plan.goalText", primary: true }],
    hidden: ["id"],
  },
];

const SOURCE_LISTS = new Set(["supporting_sources", "citations"]);
/** Empty rows offered after the filled ones, to add items without a script. */
const BLANK_ROWS = 2;
const MAX_ROWS = 20;

export interface PlanFormState {
  values: Record<string, string>;
  /** Error message per field name (`goals.1.text`), or under `review_date`. */
  errors: Record<string, string>;
}

/** The form filled from the stored plan (or empty). */
export function planFormValues(plan: Plan | null): Record<string, string> {
  const values: Record<string, string> = { review_date: plan?.review_date ?? "" };
  if (!plan) return values;
  for (const list of PLAN_LISTS) {
    (plan[list.key] as unknown as Record<string, unknown>[]).forEach((item, index) => {
      for (const name of [...list.fields.map((field) => field.name), ...list.hidden]) {
        const value = item[name];
        values[`${list.key}.${index}.${name}`] = Array.isArray(value) ? value.join(",") : value == null ? "" : String(value);
      }
    });
  }
  return values;
}

/** How many rows to show for a list: its highest filled row, plus the blank ones. */
export function rowCount(values: Record<string, string>, list: PlanList): number {
  let filled = 0;
  for (const name of Object.keys(values)) {
    const [key, index] = name.split(".");
    if (key === list.key && values[name] !== "") filled = Math.max(filled, Number(index) + 1);
  }
  return Math.min(filled + BLANK_ROWS, MAX_ROWS);
}

/** The posted strings (files and repeats ignored) under the form's own field names. */
export function postedValues(form: Record<string, unknown>): Record<string, string> {
  const values: Record<string, string> = {};
  for (const [name, value] of Object.entries(form))
    if (typeof value === "string" && (name === "review_date" || /^[a-z_]+\.\d{1,2}\.[a-z_]+$/.test(name))) values[name] = value;
  return values;
}

/**
 * The API body the form stands for (PUT /clients/{id}/plan), for the API's schema to check: a row
 * whose primary field is empty is left out (a goal left out is discontinued), an empty optional
 * field is null, a week in digits is a number. Rows keep their form index in `rows` so an error
 * at `goals.0` of the body can be shown at the form's row.
 */
export function planInput(values: Record<string, string>): { body: Record<string, unknown>; rows: Record<string, number[]> } {
  const body: Record<string, unknown> = { review_date: values.review_date?.trim() || null };
  const rows: Record<string, number[]> = {};
  for (const list of PLAN_LISTS) {
    const items: Record<string, unknown>[] = [];
    rows[list.key] = [];
    for (let index = 0; index < MAX_ROWS; index++) {
      const field = (name: string) => (values[`${list.key}.${index}.${name}`] ?? "").trim();
      const primary = list.fields.find((f) => f.primary);
      if (!primary || field(primary.name) === "") continue;
      const item: Record<string, unknown> = {};
      for (const f of list.fields) {
        const value = field(f.name);
        item[f.name] = f.optional && value === "" ? null : f.number && /^\d{1,4}$/.test(value) ? Number(value) : value;
      }
      for (const name of list.hidden) {
        const value = field(name);
        if (SOURCE_LISTS.has(name)) item[name] = value ? value.split(",") : [];
        else if (value) item[name] = value;
      }
      items.push(item);
      rows[list.key].push(index);
    }
    body[list.key] = items;
  }
  return { body, rows };
}

/** An issue's body path (`goals.0.text`) as the form's field name (`goals.3.text`). */
export function formFieldOf(path: readonly PropertyKey[], rows: Record<string, number[]>): string {
  const [key, index, ...rest] = path.map(String);
  if (index === undefined || !(key in rows)) return key ?? "";
  const row = rows[key][Number(index)];
  return [key, row ?? index, ...(rest.length ? rest : [PLAN_LISTS.find((l) => l.key === key)?.fields[0].name ?? ""])].join(".");
}
