/** Responses checked against the instrument's printed answers and branching, every bad item named as clinicians number them. */
import { type FieldError, invalidFields } from "../lib/problem";
import type { InstrumentDefinition, Item } from "./instrument-definition";

const show = (value: unknown) => JSON.stringify(value) ?? String(value);

const isAnswer = (item: Item, value: unknown): value is number =>
  Number.isInteger(value) && item.options.some((option) => option.value === value);

/** "an integer from 0 to 3" for a run of values, else each value with its label ("0 (No), 2 (Yes, but not in the last year)…"). */
export function allowedAnswers(item: Item): string {
  const values = item.options.map((option) => option.value).sort((a, b) => a - b);
  const run = values.length > 2 && values.every((value, index) => index === 0 || value === values[index - 1] + 1);
  if (run) return `an integer from ${values[0]} to ${values[values.length - 1]}`;
  return `one of ${item.options.map((option) => `${option.value} (${option.label})`).join(", ")}`;
}

/** Whether a branching item is asked: "closed" only when the item it depends on was answered otherwise. */
function gate(item: Item, items: readonly Item[], responses: readonly unknown[]): "open" | "closed" {
  if (!item.askedIf) return "open";
  const source = items[item.askedIf.item - 1];
  const answer = responses[item.askedIf.item - 1];
  return isAnswer(source, answer) && answer !== item.askedIf.value ? "closed" : "open";
}

/**
 * The values, one per item, with null for an item the branching skipped. A skipped item may be
 * sent as null or 0 (No); any other answer contradicts the branching and is refused.
 */
export function validResponses(definition: InstrumentDefinition, responses: readonly unknown[]): Array<number | null> {
  const { items, name } = definition;
  const errors: FieldError[] = [];
  if (responses.length !== items.length)
    errors.push({ path: "body.responses", message: `${name} needs exactly ${items.length} item responses; got ${responses.length}` });
  const values: Array<number | null> = [];
  responses.forEach((value, index) => {
    const path = `body.responses.${index}`;
    // A miscounted form still gets the per-item answer: responses past the last item are read as that item.
    const item = items[Math.min(index, items.length - 1)];
    if (index < items.length && gate(item, items, responses) === "closed") {
      if (value === null || value === 0) values.push(null);
      else {
        const source = items[(item.askedIf?.item ?? 1) - 1];
        const needed = source.options.find((option) => option.value === item.askedIf?.value)?.label ?? "";
        errors.push({
          path,
          message: `item ${index + 1} is asked only when item ${source.number} is ${item.askedIf?.value} (${needed}); got ${show(value)}: send null`,
        });
      }
      return;
    }
    if (isAnswer(item, value)) values.push(value);
    else errors.push({ path, message: `item ${index + 1} must be ${allowedAnswers(item)}; got ${show(value)}` });
  });
  if (errors.length) throw invalidFields(errors, `${name} responses are invalid`);
  return values;
}
