/**
 * Occasions that make a warning-sign phrase ordinary: grief and the end of life, leaving a job or a
 * country, time away, a story being told. The suicide warning-sign rules check them before they flag
 * a goodbye, a will, "better off without me" or "I'll be in a better place".
 */
import type { Accept } from "./rule";

/** Grief and the end of life make goodbyes and affairs in order ordinary. */
const BEREAVEMENT_OR_END_OF_LIFE =
  /\b(?:funeral|grave|memorial|burial|deathbed|hospice|palliative|terminal(?:ly)?|end[-\s]of[-\s]life|died|passed\s+away|dying\s+(?:mother|father|mum|mom|dad|grandmother|grandfather|wife|husband|friend))\b/i;
/** Leaving a job, a school or the country: farewells that are only that. */
const LEAVING =
  /\b(?:leaving\s+(?:do|party|card)|retir\w+|new\s+job|last\s+day|moving|emigrat\w*|relocat\w*|going[-\s]away\s+(?:party|do|card|present)|abroad|flight|airport|holiday|vacation)\b/i;
/** Being away for a while: "the team would be fine without me while I'm on leave". */
export const AWAY =
  /\b(?:on\s+leave|annual\s+leave|maternity|paternity|holiday|vacation|trip|off\s+sick|absence|moves?\s+out|moving|care\s+home|away\s+(?:for\s+(?:the|a)\s+\w+|on\s+\w+))\b/i;
/** A story told: "the film ends when the hero says goodbye forever". */
export const FICTION = /\b(?:film|movie|novel|book|story|song|lyrics?|episode|series|character|hero|heroine|play)\b/i;

export const notBereavement: Accept = (_m, ctx) => !ctx.mentions(BEREAVEMENT_OR_END_OF_LIFE);
export const notLeaving: Accept = (_m, ctx) => !ctx.mentions(BEREAVEMENT_OR_END_OF_LIFE) && !ctx.mentions(LEAVING);
