/** Prompts a clinician can pick in their assistant: a differential diagnosis and a treatment plan, each naming the tools to use. */
import type { McpServer } from "@modelcontextprotocol/sdk/server/mcp.js";
import { z } from "zod";
import { MAX_TEXT } from "../rag/rag.schemas";

const text = (description: string) => z.string().max(MAX_TEXT).describe(description);

const userMessage = (body: string) => ({ messages: [{ role: "user" as const, content: { type: "text" as const, text: body } }] });

const context = (patientContext: string | undefined) => (patientContext?.trim() ? `\n\nPatient context:\n${patientContext.trim()}` : "");

const GROUND_RULES =
  "Cite the knowledge documents you rely on by title and uri. If anything suggests risk of suicide, self-harm, violence or " +
  "abuse, put a risk assessment first and include get_crisis_resources. This is decision support for a licensed clinician, " +
  "not a diagnosis of record.";

export function registerPrompts(server: McpServer) {
  server.registerPrompt(
    "differential_diagnosis",
    {
      title: "Differential diagnosis",
      description: "Work up a ranked differential diagnosis from a presentation, grounded in DSM-5-TR criteria.",
      argsSchema: { symptoms: text("The presenting symptoms and their course"), patient_context: text("Age, history, context").optional() },
    },
    ({ symptoms, patient_context }) =>
      userMessage(
        `Give a ranked differential diagnosis for this presentation.\n\nSymptoms:\n${symptoms.trim()}${context(patient_context)}\n\n` +
          "Call differential_diagnosis with these symptoms and context. Check the leading candidates with " +
          "get_diagnostic_criteria (criteria met, missing, and what would rule each in or out), and name the questions or " +
          "measures (score_assessment: PHQ-9, GAD-7, PCL-5, AUDIT, DAST-10, ASRS, MDQ, EPDS and more) that would narrow the differential. " +
          GROUND_RULES,
      ),
  );

  server.registerPrompt(
    "treatment_plan",
    {
      title: "Treatment plan",
      description: "Draft an evidence-graded treatment plan for a diagnosis.",
      argsSchema: {
        diagnosis: text("The working diagnosis, ideally with its code"),
        patient_context: text("History, preferences, current medications").optional(),
      },
    },
    ({ diagnosis, patient_context }) =>
      userMessage(
        `Draft a treatment plan for: ${diagnosis.trim()}${context(patient_context)}\n\n` +
          "Call find_treatment_protocols for the diagnosis and build the plan from its passages: first-line and next-step " +
          "options with their evidence levels, measurable goals (with a baseline measure from score_assessment where it " +
          "applies) and a review timeline. If the patient takes or may start medications, call check_drug_interactions " +
          "with all of them and address every interaction it reports. " +
          GROUND_RULES,
      ),
  );
}
