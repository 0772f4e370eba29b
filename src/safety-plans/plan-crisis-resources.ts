/**
 * The crisis lines a safety plan lists in its professionals and agencies step: the same choice as
 * every safety block (the clinician's country, else the request's, else the international
 * directories; docs/api.md §11), in one function so a plan never chooses differently.
 */
import { assessCrisis } from "../safety/crisis";
import { safetyResources } from "../safety/resources";
import type { CrisisResource } from "../safety/types";
import type { UseCaseDeps } from "../use-case/deps";

/**
 * The safety block's lines for this source (abuse lines too when abuse is disclosed); a plan lists
 * the crisis lines even when the screen found no current risk, since it is made for the next crisis.
 */
export function planCrisisResources(deps: Pick<UseCaseDeps, "country">, sourceText: string): CrisisResource[] {
  const { resources } = assessCrisis({ source: sourceText }, deps.country);
  return resources.length ? resources : safetyResources(deps.country, { abuse: false });
}
