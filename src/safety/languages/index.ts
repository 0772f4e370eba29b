/**
 * Risk detection beyond English: each sentence is read in its own language (identify.ts), so a
 * session that switches language mid-way is read sentence by sentence. English sentences go to the
 * English engine unchanged; the others to the engine over their language pack.
 */
import type { Sentence } from "../text";
import type { Finding } from "../types";
import { GERMAN } from "./de";
import { analyzeForeignQuestion, analyzeForeignSentence } from "./engine";
import { SPANISH } from "./es";
import { FRENCH } from "./fr";
import { identifyLanguage } from "./identify";
import type { LanguagePack } from "./pack";
import { PORTUGUESE } from "./pt";

export const LANGUAGE_PACKS: LanguagePack[] = [SPANISH, FRENCH, GERMAN, PORTUGUESE];

/** The sentence's language pack, or undefined when it is read as English. */
export const foreignPackOf = (sentence: string) => identifyLanguage(sentence, LANGUAGE_PACKS);

/** Findings of a sentence in the pack's language; a question counts only through a yes after it. */
export function foreignFindings(pack: LanguagePack, sentence: Sentence, next: Sentence | undefined): Finding[] {
  return sentence.question ? analyzeForeignQuestion(pack, sentence.text, next?.text) : analyzeForeignSentence(pack, sentence.text);
}
