/** Findings about someone else: "mother attempted suicide", "family history of suicide". */
import { KIN } from "./lexicon";
import type { RuleContext } from "./rules";
import { execAll } from "./spans";

const FILLER =
  "(?:who|which|that|has|had|have|also|with|a|an|the|made|known|significant|positive|for|history|hx|h\\/o|of|prior|previous|past|multiple|several|remote|two|three|\\d+|x\\d+|is|was|reportedly|once|twice|did|does|recently|allegedly|apparently|been|ever|died|after|from|by)";
/** The finding's subject is a relative/partner/friend: "mother attempted suicide", "brother's self-harm". */
const THIRD_PARTY_SUBJECT = new RegExp(`\\b${KIN}(?:'s)?(?:[\\s,]+${FILLER})*[\\s,(]*$`, "i");
const FAMILY_HISTORY = /\b(?:family\s+(?:psych(?:iatric)?\s+)?(?:history|hx)|FHx|FH\s*[:-]|FH\s+of)\b/gi;
const PATIENT_SUBJECT = /\b(?:pt|patient|client|he|she|they|I)\b/i;

/**
 * A parent, carer or teacher telling about their child: in the child's notes, "Mum says her son has
 * been cutting himself" is about the patient, not a relative.
 */
const CARER_REPORTS_CHILD = new RegExp(
  "\\b(?:mother|mum|mom|father|dad|parents?|carers?|caregivers?|guardian|foster\\s+\\w+|grand(?:mother|father|ma|pa)|nan|gran|teacher)\\b[^.;]{0,40}?" +
    "\\b(?:reports?|reported|says|said|states|stated|tells|told|found|discovered|noticed|explains|explained|describes|described|worried|concerned|disclosed)\\b[^.;]{0,20}?" +
    `\\b(?:her|his|their)\\s+(?:son|daughter|child|kid|boy|girl|stepson|stepdaughter)(?:'s)?(?:[\\s,]+${FILLER})*[\\s,(]*$`,
  "i",
);

/** What the windows above cannot match without: a clause lacking them skips the per-finding reads. */
const ANY_KIN = new RegExp(KIN, "i");
const ANY_FAMILY_HISTORY = /family|fh/i;

/** Whether the finding at `start` is about someone else; only the 300 characters before it are read. */
export function isThirdParty(ctx: RuleContext, start: number): boolean {
  const { clause } = ctx;
  if (ctx.mentions(ANY_KIN)) {
    const lead = clause.slice(Math.max(0, start - 120), start);
    if (THIRD_PARTY_SUBJECT.test(lead) && !CARER_REPORTS_CHILD.test(lead)) return true;
  }
  if (!ctx.mentions(ANY_FAMILY_HISTORY)) return false;
  const prefix = clause.slice(Math.max(0, start - 300), start);
  const fh = execAll(FAMILY_HISTORY, prefix).at(-1);
  return fh !== undefined && !PATIENT_SUBJECT.test(prefix.slice((fh.index ?? 0) + fh[0].length));
}
