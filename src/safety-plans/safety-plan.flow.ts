/**
 * Safety plan drafts: the Stanley–Brown steps filled from a text or a clinical answer, each item a
 * quote or close paraphrase of the source (a model's items pass the grounding check of
 * ./plan-grounding.ts; offline, sentences are quoted), every other step left for the clinician to
 * complete with the client, and the crisis lines added by the server. Nothing is stored. One use
 * case for the REST route and the console, inside one audit event.
 *
 * Only a draft that asks the model counts against the AI limit: the offline extractor costs
 * nothing, and refusing it would leave a clinician in a crisis session without a draft.
 */
import { generateStructured, type Usage } from "../ai/structured";
import { audited } from "../audit/audited";
import { assertMay } from "../policy/policy";
import type { UseCaseDeps } from "../use-case/deps";
import { offlinePlan } from "./offline-plan";
import { planCrisisResources } from "./plan-crisis-resources";
import { groundItems, groundingIn } from "./plan-grounding";
import { planSourceText } from "./plan-source";
import { safetyPlanMessages } from "./safety-plan.prompts";
import { PLAN_LABELS, type PlanLanguage, SAFETY_PLAN_SECTIONS, type SafetyPlanSection } from "./safety-plan-labels";
import { ModelSafetyPlan, type SafetyPlanAnswer, type SafetyPlanInput } from "./safety-plans.schemas";

type Steps = Record<SafetyPlanSection, string[]>;

/** Each step with its title; a step with nothing from the source says it is to complete with the client. */
function planSections(steps: Steps, language: PlanLanguage): SafetyPlanAnswer["sections"] {
  const labels = PLAN_LABELS[language];
  return Object.fromEntries(
    SAFETY_PLAN_SECTIONS.map((step) => [
      step,
      { title: labels.sections[step], items: steps[step], placeholder: steps[step].length ? null : labels.toComplete },
    ]),
  ) as SafetyPlanAnswer["sections"];
}

export function draftSafetyPlan(deps: UseCaseDeps, input: SafetyPlanInput, { action }: { action: string }): Promise<SafetyPlanAnswer> {
  let usage: Usage | null = null;
  return audited(
    deps,
    { action },
    async (note) => {
      assertMay(deps.account, "clinical");
      const text = planSourceText(input);
      note({ detail: { text_chars: text.length } });
      let steps = offlinePlan(text);
      if (deps.ai) {
        await deps.limitAi();
        const generated = await generateStructured(deps.ai, deps.settings.ai, {
          name: "safety_plan",
          schema: ModelSafetyPlan,
          messages: safetyPlanMessages(text),
        });
        steps = generated.output.sections;
        usage = generated.usage;
      }
      const grounded = groundingIn(text);
      const kept = Object.fromEntries(SAFETY_PLAN_SECTIONS.map((step) => [step, groundItems(steps[step], grounded)])) as Steps;
      const language = input.language ?? "en";
      return {
        status: "success" as const,
        language,
        sections: planSections(kept, language),
        crisis_resources: planCrisisResources(deps, text),
        filled_from_source: SAFETY_PLAN_SECTIONS.filter((step) => kept[step].length > 0),
        mode: deps.ai ? ("llm" as const) : ("offline" as const),
      };
    },
    (plan) => ({
      model: usage?.model ?? null,
      promptTokens: usage?.promptTokens ?? null,
      completionTokens: usage?.completionTokens ?? null,
      detail: { mode: plan.mode },
    }),
  );
}
