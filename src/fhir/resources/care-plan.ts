/**
 * The treatment plan as a FHIR `CarePlan` with one `Goal` per goal.
 *
 * Our goal status → Goal.lifecycleStatus (https://hl7.org/fhir/R4/valueset-goal-status.html) and
 * Goal.achievementStatus (https://hl7.org/fhir/R4/valueset-goal-achievement.html):
 *
 * | ours          | lifecycleStatus | achievementStatus | why                                                       |
 * |---------------|-----------------|-------------------|-----------------------------------------------------------|
 * | not_started   | planned         | (none)            | "planned but not yet being worked towards"; nothing to assess yet |
 * | in_progress   | active          | in-progress       | being worked on                                           |
 * | partially_met | active          | improving         | still in the plan (a closed goal is met or discontinued), progressing |
 * | met           | completed       | achieved          |                                                           |
 * | discontinued  | cancelled       | (none)            | "no longer being sought"; whether it was reached is not recorded |
 *
 * The plan's problems become CarePlan.description, its interventions activities (detail.status
 * `unknown`: the plan names them but does not track their delivery), its objectives and measures
 * notes, its review date the end of the period.
 */
import type { Annotation, CarePlan, CarePlanActivity, Goal as FhirGoal, Patient, Practitioner, Reference } from "@medplum/fhirtypes";
import type { Goal, Plan } from "../../workspace/plan/plan.schemas";
import type { GoalStatus } from "../../workspace/workspace.table";
import { SYSTEMS } from "../terminology";
import { reference } from "./reference";

type AchievementCode = "in-progress" | "improving" | "achieved";

const GOAL_STATUS_MAP: Record<GoalStatus, { lifecycle: FhirGoal["lifecycleStatus"]; achievement?: AchievementCode }> = {
  not_started: { lifecycle: "planned" },
  in_progress: { lifecycle: "active", achievement: "in-progress" },
  partially_met: { lifecycle: "active", achievement: "improving" },
  met: { lifecycle: "completed", achievement: "achieved" },
  discontinued: { lifecycle: "cancelled" },
};

const ACHIEVEMENT_DISPLAY: Record<AchievementCode, string> = { "in-progress": "In Progress", improving: "Improving", achieved: "Achieved" };

export function goal(ours: Goal, subject: Reference<Patient>): FhirGoal {
  const { lifecycle, achievement } = GOAL_STATUS_MAP[ours.status];
  const lastChange = ours.history.at(-1);
  return {
    resourceType: "Goal",
    id: ours.id,
    lifecycleStatus: lifecycle,
    ...(achievement
      ? {
          achievementStatus: {
            coding: [{ system: SYSTEMS.goalAchievement, code: achievement, display: ACHIEVEMENT_DISPLAY[achievement] }],
          },
        }
      : {}),
    description: { text: ours.text },
    subject,
    ...(lastChange ? { statusDate: lastChange.at.slice(0, 10) } : {}),
  };
}

function activity(intervention: Plan["interventions"][number]): CarePlanActivity {
  const description = [intervention.name, intervention.frequency].filter(Boolean).join(", ");
  return { detail: { status: "unknown", description } };
}

function notes(plan: Plan): Annotation[] {
  return [
    ...plan.objectives.map((objective) => ({
      text: `Objective: ${objective.description}${objective.target_week ? ` (by week ${objective.target_week})` : ""}`,
    })),
    ...plan.measures.map((measure) => ({
      text: `Measure: ${[measure.instrument, measure.frequency, measure.target && `target ${measure.target}`].filter(Boolean).join(", ")}`,
    })),
  ];
}

export function carePlan(
  plan: Plan,
  refs: { id: string; subject: Reference<Patient>; author: Reference<Practitioner>; goals: FhirGoal[] },
): CarePlan {
  const annotations = notes(plan);
  return {
    resourceType: "CarePlan",
    id: refs.id,
    status: "active",
    intent: "plan",
    title: "Treatment plan",
    ...(plan.problems.length ? { description: plan.problems.map((problem) => problem.description).join("; ") } : {}),
    subject: refs.subject,
    ...(plan.review_date ? { period: { end: plan.review_date } } : {}),
    author: refs.author,
    ...(refs.goals.length ? { goal: refs.goals.map(reference) } : {}),
    ...(plan.interventions.length ? { activity: plan.interventions.map(activity) } : {}),
    ...(annotations.length ? { note: annotations } : {}),
  };
}
