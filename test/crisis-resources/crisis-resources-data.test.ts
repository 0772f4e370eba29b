/**
 * The crisis-resources data file (data/crisis-resources) as the safety layer reads it: every entry
 * cited and dated, none older than a year (so staleness fails CI instead of reaching a clinician),
 * the countries issue 22 names, the well-known lines where they belong, no US number anywhere
 * else, and the rule that picks a clinician's country.
 */
import { describe, expect, it } from "vitest";
import crisisFile from "../../data/crisis-resources/crisis-resources.json";
import { chosenCountry, crisisResourcesFor, isCountryCode, SUPPORTED_COUNTRIES } from "../../src/safety/crisis-resources";
import { safetyResources } from "../../src/safety/resources";

const EU_MEMBERS = "AT BE BG HR CY CZ DK EE FI FR DE GR HU IE IT LV LT LU MT NL PL PT RO SK SI ES SE".split(" ");
const ALSO_REQUIRED = "GB US CA AU NZ IN ZA BR MX JP".split(" ");
const MAX_AGE_DAYS = 365;

type Entry = { name: string; source_url?: string; verified_on?: string };
const entries: Array<[string, Entry]> = [
  ...crisisFile.international.resources.map((entry): [string, Entry] => ["international", entry]),
  ...Object.entries(crisisFile.countries).flatMap(([code, country]) => country.resources.map((entry): [string, Entry] => [code, entry])),
];

/** Banner text of a safety block: every name and contact. */
const bannerOf = (country: string | null, abuse = false) =>
  safetyResources(country, { abuse })
    .map((r) => `${r.name}: ${r.contact}`)
    .join("\n");

describe("every entry is cited and dated", () => {
  it("has a source URL and a verification date", () => {
    const missing = entries.filter(([, e]) => !e.source_url?.startsWith("http") || !/^\d{4}-\d{2}-\d{2}$/.test(e.verified_on ?? ""));
    expect(missing.map(([code, e]) => `${code}: ${e.name}`)).toEqual([]);
  });

  it(`was verified within the last ${MAX_AGE_DAYS} days (re-check the stale ones against their source, then move the date)`, () => {
    const oldest = Date.now() - MAX_AGE_DAYS * 24 * 60 * 60 * 1000;
    const stale = entries.filter(([, e]) => Date.parse(`${e.verified_on}T00:00:00Z`) < oldest);
    expect(stale.map(([code, e]) => `${code}: ${e.name} (verified ${e.verified_on})`)).toEqual([]);
  });

  it("says how it was checked: compiled from the sources, not called", () => {
    expect(crisisFile.checked).toMatch(/without a live call/);
    expect(crisisFile.checked).toMatch(/[Vv]erify before relying/);
  });
});

describe("the countries", () => {
  it("covers every EU member and the other countries the issue names, at least 30 in all", () => {
    const codes = Object.keys(crisisFile.countries);
    expect(codes.length).toBeGreaterThanOrEqual(30);
    expect(codes).toEqual(expect.arrayContaining([...EU_MEMBERS, ...ALSO_REQUIRED]));
    for (const code of codes) expect(isCountryCode(code), code).toBe(true);
    expect(SUPPORTED_COUNTRIES.map((c) => c.code).sort()).toEqual([...codes].sort());
  });

  it("lists the countries for the console's choice in alphabetical order of their English names, written in ASCII", () => {
    const names = SUPPORTED_COUNTRIES.map((c) => c.name);
    // The order is plain string order (no ICU at start-up), which is alphabetical only for ASCII names.
    for (const name of names) expect(name, name).toMatch(/^[\x20-\x7e]+$/);
    expect(names).toEqual([...names].sort((a, b) => a.localeCompare(b, "en")));
    expect(names.slice(0, 3)).toEqual(["Australia", "Austria", "Belgium"]);
  });

  it("gives a clinician in the United Kingdom Samaritans on 116 123 and 999", () => {
    const gb = crisisResourcesFor("GB");
    expect(gb.emergency_number).toBe("999");
    expect(gb.resources).toContainEqual(expect.objectContaining({ name: "Samaritans", phone: "116 123", hours: "24/7" }));
    expect(bannerOf("GB")).toMatch(/Samaritans: Call 116 123 \(24\/7\)/);
    expect(bannerOf("GB")).toMatch(/Emergency services: Call 999 in immediate danger\. 112 also/);
  });

  it("gives a clinician in Australia Lifeline on 13 11 14 and 000", () => {
    expect(crisisResourcesFor("AU").emergency_number).toBe("000");
    expect(bannerOf("AU")).toMatch(/Lifeline: Call 13 11 14, text 0477 13 11 14/);
    expect(bannerOf("AU")).toMatch(/Call 000 in immediate danger/);
  });

  it("keeps the national lines the issue names where they belong", () => {
    expect(bannerOf("US")).toMatch(/988 Suicide & Crisis Lifeline: Call 988, text 988/);
    expect(bannerOf("CA")).toMatch(/Call 9-8-8/);
    expect(bannerOf("IE")).toMatch(/Samaritans Ireland: Call 116 123/);
    expect(bannerOf("NZ")).toMatch(/Call 1737/);
    expect(bannerOf("DE")).toMatch(/Call 0800 111 0 111, 0800 111 0 222 or 116 123/);
    expect(bannerOf("FR")).toMatch(/Call 3114/);
    expect(bannerOf("ES")).toMatch(/Call 024/);
    expect(bannerOf("NL")).toMatch(/Call 113 or 0800-0113/);
    expect(bannerOf("BE")).toMatch(/Call 1813/);
  });

  it("never gives a US number outside the US, with or without abuse", () => {
    for (const code of Object.keys(crisisFile.countries).filter((c) => c !== "US")) {
      expect(bannerOf(code, true), code).not.toMatch(/\b988\b|741741|799-7233|88788/);
    }
    expect(bannerOf(null, true)).not.toMatch(/\b988\b|\b911\b|741741|799-7233/);
  });

  it("gives a country without a national crisis line here the international directories and its own emergency number", () => {
    const banner = bannerOf("CY");
    expect(banner).toMatch(/findahelpline\.com/);
    expect(banner).toMatch(/Call 112 in immediate danger/);
  });

  it("gives abuse lines only when abuse is found, and only the country's own", () => {
    expect(bannerOf("GB")).not.toMatch(/Domestic Abuse/);
    expect(bannerOf("GB", true)).toMatch(/National Domestic Abuse Helpline \(Refuge\): Call 0808 2000 247/);
    expect(bannerOf("US", true)).toMatch(/National Domestic Violence Hotline: Call 1-800-799-7233, text START to 88788/);
  });
});

describe("whose list a clinician gets", () => {
  it("is the account's country, else the edge's, else none (the international list)", () => {
    expect(chosenCountry("GB", "US")).toBe("GB");
    expect(chosenCountry(null, "AU")).toBe("AU");
    expect(chosenCountry(null, "au")).toBe("AU");
    expect(chosenCountry(null, undefined)).toBeNull();
    // What the edge says when it cannot tell: unknown ("XX") and Tor ("T1").
    expect(chosenCountry(null, "XX")).toBeNull();
    expect(chosenCountry(null, "T1")).toBeNull();
    expect(crisisResourcesFor(null)).toMatchObject({ country: null, emergency_number: null, note: expect.any(String) });
  });

  it("reads country codes as ISO 3166-1 alpha-2, not CLDR's other regions", () => {
    for (const code of ["GB", "AR", "KR", "XK"]) expect(isCountryCode(code), code).toBe(true);
    for (const code of ["XX", "EU", "UN", "ZZ", "gb", "GBR", ""]) expect(isCountryCode(code), code).toBe(false);
  });
});
