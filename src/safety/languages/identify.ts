/**
 * Which language a sentence is in, cheaply: a count of each language's frequent words among the
 * sentence's words, of letters only one language writes (ñ, ß, ã…) and of accents only English
 * lacks (é, à, ç). The language with most
 * wins; English wins a tie and any sentence with no sign of another language, so English text is
 * read exactly as before. One pass over the sentence; each word is one lookup.
 */
import type { Language } from "../types";
import { fold } from "./fold";
import type { LanguagePack } from "./pack";

/** Frequent English words, some shared with the others ("a", "me", "no"), so a tie goes to English. */
const ENGLISH = (
  "i me my myself you he she it we they him her his its our their the a an and or but if of to in on at for with from by about as into " +
  "is am are was were be been being have has had do does did not no never this that these those there what who when how why " +
  "want wants wanted feel feels felt says said reports denies patient pt client would could should will can just very " +
  "after before over up out then than so all any some one two also only other more most which your yes get got go went told thinks thought " +
  "time day days week weeks last year years ago today home mother father wife husband son daughter brother sister friend kill die dead life " +
  "hurt cut cutting pills plan since"
).split(" ");

interface Lexicon {
  words: Map<string, Set<Language>>;
  packs: LanguagePack[];
}

let lexicon: Lexicon | undefined;

function lexiconOf(packs: LanguagePack[]): Lexicon {
  if (lexicon && lexicon.packs === packs) return lexicon;
  const words = new Map<string, Set<Language>>();
  const add = (word: string, language: Language) => {
    const set = words.get(word) ?? new Set<Language>();
    set.add(language);
    words.set(word, set);
  };
  for (const w of ENGLISH) add(w, "en");
  for (const pack of packs) for (const w of pack.stopwords) add(w, pack.language);
  lexicon = { words, packs };
  return lexicon;
}

const WORD = /[a-z]+/g;
const SHARED_ACCENTS = /[áéíóúàçêôÁÉÍÓÚÀÇÊÔ]/g;

/** The pack of the sentence's language, or undefined for English. */
export function identifyLanguage(sentence: string, packs: LanguagePack[]): LanguagePack | undefined {
  const { words } = lexiconOf(packs);
  const scores = new Map<Language, number>();
  const bump = (language: Language, by = 1) => scores.set(language, (scores.get(language) ?? 0) + by);
  WORD.lastIndex = 0;
  const folded = fold(sentence);
  for (let m = WORD.exec(folded); m !== null; m = WORD.exec(folded)) for (const language of words.get(m[0]) ?? []) bump(language);
  for (const pack of packs) {
    const letters = sentence.match(pack.letters);
    if (letters) bump(pack.language, letters.length);
  }
  // Accents the four share (é, à, ç…) say "not English" without saying which.
  const accents = sentence.match(SHARED_ACCENTS)?.length ?? 0;
  if (accents > 0) for (const pack of packs) bump(pack.language, accents);
  let best: LanguagePack | undefined;
  let bestScore = scores.get("en") ?? 0;
  for (const pack of packs) {
    const score = scores.get(pack.language) ?? 0;
    if (score > bestScore) [best, bestScore] = [pack, score];
  }
  return best;
}
