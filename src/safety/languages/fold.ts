/**
 * Text folded for matching: lower case, accents stripped (NFD, combining marks dropped), one
 * character for one so an offset in the folded text is the same offset in the original, and the
 * evidence can quote what was written ("¿Has pensado en quitarte la vida?", not its folded twin).
 * A letter that does not fold to one ASCII letter stays as it is, except ß, œ, æ and ø, which
 * become s, o, a, o (so patterns spell "Großvater" as "grosvater").
 */
const SPECIAL: Record<string, string> = { ß: "s", œ: "o", æ: "a", ø: "o" };

/** Folded form of each non-ASCII character met, so a long text costs one lookup per character. */
const folded = new Map<string, string>();

function foldChar(c: string): string {
  let f = folded.get(c);
  if (f === undefined) {
    const lower = c.toLowerCase();
    const bare = SPECIAL[lower] ?? lower.normalize("NFD").replace(/[\u0300-\u036f]/g, "");
    f = bare.length === 1 ? bare : c;
    folded.set(c, f);
  }
  return f;
}

export function fold(text: string): string {
  let out = "";
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    const code = c.charCodeAt(0);
    out += code < 128 ? (code >= 65 && code <= 90 ? String.fromCharCode(code + 32) : c) : foldChar(c);
  }
  return out;
}
