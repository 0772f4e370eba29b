/**
 * The help a safety block points to when a crisis is detected: the chosen country's crisis lines
 * (or, where it has none here, the international directories), its emergency number, and its
 * abuse lines when abuse is found. Each as `{name, contact}`, the shape clients already read, with
 * `contact` a sentence a person can act on ("Call 116 123 (24/7)").
 */
import { type CrisisLine, crisisResourcesFor } from "./crisis-resources";
import type { CrisisResource } from "./types";

/** "Call 0800 111 0 111, 0800 111 0 222 or 116 123, chat at https://…, 24/7". */
function contactLine(line: CrisisLine): string {
  const phones = [line.phone, ...(line.other_phones ?? [])].filter((phone): phone is string => Boolean(phone));
  const ways = [
    phones.length > 0 && `Call ${phones.length > 1 ? `${phones.slice(0, -1).join(", ")} or ${phones.at(-1)}` : phones[0]}`,
    line.text && `text ${line.text}`,
    line.chat_url && `chat at ${line.chat_url}`,
    line.url && !line.chat_url && `find a line at ${line.url}`,
  ].filter((way): way is string => Boolean(way));
  const how = ways.join(", ");
  const sentence = how.charAt(0).toUpperCase() + how.slice(1);
  return line.hours === "24/7" ? `${sentence} (24/7)` : sentence;
}

/** The emergency line of a safety block: the country's number, or the advice to call the local one. */
function emergencyLine(emergencyNumber: string | null, note: string | undefined): CrisisResource {
  if (!emergencyNumber)
    return { name: "Local emergency services", contact: "Call your local emergency number (112 in the EU and many other countries)" };
  return { name: "Emergency services", contact: `Call ${emergencyNumber} in immediate danger${note ? `. ${note}` : ""}` };
}

/** A fresh list for one safety block (callers may change their copy). */
export function safetyResources(country: string | null, { abuse }: { abuse: boolean }): CrisisResource[] {
  const chosen = crisisResourcesFor(country);
  const crisis = chosen.resources.filter((line) => line.kind === "crisis");
  const lines = crisis.length > 0 ? crisis : crisisResourcesFor(null).resources;
  const abuseLines = abuse ? chosen.resources.filter((line) => line.kind === "abuse") : [];
  return [
    ...lines.map((line) => ({ name: line.name, contact: contactLine(line) })),
    emergencyLine(chosen.emergency_number, chosen.emergency_note),
    ...abuseLines.map((line) => ({ name: line.name, contact: contactLine(line) })),
  ];
}
