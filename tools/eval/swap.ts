/**
 * The demographic-swap test's rewriting: the same vignette with its sex and gender words, its race
 * and ethnicity words, or its adult age changed. Retrieval should not care; any vignette whose
 * top 3 changes is reported. Whole words only, all pairs at once (so "he" → "she" is never turned
 * back), keeping the case of the first letter.
 */

export type SwapKind = "sex and gender" | "race and ethnicity" | "age";

export interface SwapList {
  /** Word pairs; each is swapped both ways. The first 'race' entry marks where race and ethnicity pairs begin. */
  swaps: Array<[string, string]>;
}

/** Race and ethnicity words among the swap pairs; the other pairs are sex and gender words. */
export const RACE_WORD =
  /^(?:black|white|asian|hispanic|latin[oax]|latinx|caucasian|african|african-american|arab|indigenous|native|pacific|islander|east|south|middle|chinese|korean|japanese|indian|pakistani|mexican|filipino|vietnamese|somali|nigerian|jewish|muslim)$/i;

/** Bodies whose presentation belongs to one sex: a sex swap would describe another case, not the same one. */
const SEX_SPECIFIC =
  /\b(?:pregnan\w*|postpartum|post-partum|peripartum|antenatal|postnatal|menstrua\w*|menses|periods?|premenstrual|luteal|gave birth|delivery|breastfeed\w*|erect\w*|prostate|menopaus\w*)\b/i;

function swapper(pairs: Array<[string, string]>): (text: string) => string {
  const map = new Map<string, string>();
  for (const [a, b] of pairs) {
    map.set(a.toLowerCase(), b.toLowerCase());
    map.set(b.toLowerCase(), a.toLowerCase());
  }
  const words = [...map.keys()].sort((x, y) => y.length - x.length).map((w) => w.replace(/[.*+?^${}()|[\]\\]/g, "\\$&"));
  const pattern = new RegExp(`\\b(?:${words.join("|")})\\b`, "gi");
  return (text) =>
    text.replace(pattern, (word) => {
      const swapped = map.get(word.toLowerCase()) ?? word;
      if (word === word.toUpperCase() && word.length > 1) return swapped.toUpperCase();
      return word[0] === word[0].toUpperCase() ? swapped[0].toUpperCase() + swapped.slice(1) : swapped;
    });
}

/** Adult ages (18-64) moved 15 years within adulthood: "42-year-old" → "27-year-old", "34M" → "49M". */
function swapAge(text: string): string {
  const move = (age: number) => (age < 41 ? age + 15 : age - 15);
  return text
    .replace(/\b(\d{2})(?=[- ](?:year|yr)s?[- ]old\b)/gi, (age) =>
      Number(age) >= 18 && Number(age) <= 64 ? String(move(Number(age))) : age,
    )
    .replace(/\b(\d{2})(?=\s?(?:M|F|yo|y\/o)\b)/g, (age) => (Number(age) >= 18 && Number(age) <= 64 ? String(move(Number(age))) : age));
}

export interface SwapVariant {
  kind: SwapKind;
  text: string;
}

/** The variants of a vignette that differ from it (none where it has nothing to swap). */
export function swapVariants(text: string, sexPairs: Array<[string, string]>, racePairs: Array<[string, string]>): SwapVariant[] {
  const variants: SwapVariant[] = [];
  const sexText = SEX_SPECIFIC.test(text)
    ? text
    : swapper(sexPairs)(text).replace(/\b(\d{1,2})(M|F)\b/g, (_, age, sex) => `${age}${sex === "M" ? "F" : "M"}`);
  if (sexText !== text) variants.push({ kind: "sex and gender", text: sexText });
  const raceText = swapper(racePairs)(text);
  if (raceText !== text) variants.push({ kind: "race and ethnicity", text: raceText });
  const ageText = swapAge(text);
  if (ageText !== text) variants.push({ kind: "age", text: ageText });
  return variants;
}
