/**
 * Crisis lines and emergency numbers by country (data/crisis-resources, bundled with the Worker
 * and validated with zod at import, so a malformed file fails the first request and the test
 * suite, never silently), and the one rule for whose list a clinician gets (docs/api.md §11):
 * the account's country, else the country the edge reports for the request, else the
 * international directories. Never a US number for a clinician known to be elsewhere.
 */
import { z } from "zod";
import crisisFile from "../../data/crisis-resources/crisis-resources.json";

export const RESOURCE_KINDS = ["crisis", "abuse", "young_people", "health_line", "directory"] as const;

const text = z.string().trim().min(1);
const isoDate = z.iso.date();

const ResourceSchema = z.strictObject({
  name: text,
  kind: z.enum(RESOURCE_KINDS),
  phone: text.optional(),
  other_phones: z.array(text).optional(),
  text: text.optional(),
  chat_url: z.url({ protocol: /^https?$/ }).optional(),
  url: z.url({ protocol: /^https?$/ }).optional(),
  hours: text,
  languages: z.array(z.string().regex(/^[a-z]{2}$/, "an ISO 639-1 code")).min(1),
  notes: text.optional(),
  source_url: z.url({ protocol: /^https?$/ }),
  verified_on: isoDate,
});

const CountrySchema = z.strictObject({
  name: text,
  emergency_number: z.string().regex(/^[0-9]{3}$/, "a three-digit emergency number"),
  emergency_note: text.optional(),
  resources: z.array(ResourceSchema),
});

const FileSchema = z.strictObject({
  checked: text,
  compiled_on: isoDate,
  international: z.strictObject({ note: text, resources: z.array(ResourceSchema).min(1) }),
  countries: z.record(z.string().regex(/^[A-Z]{2}$/, "an ISO 3166-1 alpha-2 code in capitals"), CountrySchema),
});

export type CrisisLine = z.infer<typeof ResourceSchema>;

const directory = FileSchema.parse(crisisFile);

/** How the entries were checked, in the file's own words (every answer that lists them repeats it). */
export const CRISIS_RESOURCES_CHECKED = directory.checked;

/** The crisis lines of one country, or the international list when there is none. */
export interface ChosenCrisisResources {
  /** The country whose list this is; null when none was known. */
  country: string | null;
  /** The country's name in English, when there is a list for it. */
  name?: string;
  /** null for the international list: the caller's local number is not known. */
  emergency_number: string | null;
  emergency_note?: string;
  resources: CrisisLine[];
  /** Set when the international list stands in (no country, or a country without a list here). */
  note?: string;
}

/** Every country with a list, by name: the console's country choices. */
export const SUPPORTED_COUNTRIES: ReadonlyArray<{ code: string; name: string }> = Object.entries(directory.countries)
  .map(([code, entry]) => ({ code, name: entry.name }))
  // Plain string order: the names are ASCII (a test holds it), and localeCompare would start the
  // runtime's ICU data at module load, 10–20 ms of the Worker's start-up (issue 26).
  .sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));

// CLDR names these regions, but they are not countries (ISO 3166-1 reserves them at most).
const NOT_COUNTRIES = new Set(["EU", "EZ", "UN", "QO", "ZZ"]);
let regionNames: Intl.DisplayNames | undefined;

/** Whether `code` is an ISO 3166-1 alpha-2 country code (upper case), by the runtime's CLDR data. */
export function isCountryCode(code: string): boolean {
  if (!/^[A-Z]{2}$/.test(code) || NOT_COUNTRIES.has(code)) return false;
  if (code in directory.countries) return true;
  regionNames ??= new Intl.DisplayNames(["en"], { type: "region", fallback: "none" });
  return regionNames.of(code) !== undefined;
}

/**
 * Whose crisis lines to give: the account's country, else the edge's (Workers `request.cf.country`:
 * absent locally, and "XX" or "T1" when the edge cannot tell), else null, the international list.
 */
export function chosenCountry(accountCountry: string | null | undefined, edgeCountry: unknown): string | null {
  if (accountCountry && isCountryCode(accountCountry)) return accountCountry;
  if (typeof edgeCountry === "string" && isCountryCode(edgeCountry.toUpperCase())) return edgeCountry.toUpperCase();
  return null;
}

/** The country's list; for no country, or one without a list here, the international directories. */
export function crisisResourcesFor(country: string | null): ChosenCrisisResources {
  const entry = country ? directory.countries[country] : undefined;
  if (!entry) return { country, emergency_number: null, resources: directory.international.resources, note: directory.international.note };
  return { country, ...entry };
}
