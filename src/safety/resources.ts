/** The help a clinician is pointed to when a crisis is detected. */
import type { CrisisResource } from "./types";

const resource = (name: string, contact: string): CrisisResource => Object.freeze({ name, contact });

/** Always given when a crisis is detected. Frozen: every answer gets its own copies. */
export const CRISIS_RESOURCES: CrisisResource[] = Object.freeze([
  resource("988 Suicide & Crisis Lifeline", "Call or text 988 (US)"),
  resource("Crisis Text Line", "Text HOME to 741741"),
  resource("Local emergency services", "Call 911 in the US, or the local emergency number"),
]) as CrisisResource[];

/** Added when current or recent abuse is found. */
export const DV_HOTLINE: CrisisResource = resource("National Domestic Violence Hotline", "Call 1-800-799-7233 or text START to 88788");
