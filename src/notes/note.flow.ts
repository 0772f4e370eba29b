/**
 * Session notes: SOAP, DAP, BIRP or one of the caller's own templates, from text or from the
 * caller's stored recording (transcribed for the note). Every statement carries the spans of the
 * source it rests on and one without support is returned apart (note-grounding.ts); risk is
 * screened over the source text every time and only the screen states it; codes are suggested
 * only with a retrieved source that carries them. Nothing of the note is stored. One use case for
 * the REST route and the console, inside one audit event.
 */
import type { z } from "zod";
import { requireAi } from "../ai/client";
import { aiProblem } from "../ai/errors";
import { generateStructured, type Usage } from "../ai/structured";
import { answerAuditFacts, answerFrame } from "../grounded-answer/answer-frame";
import { keepRetrieved } from "../grounded-answer/grounding";
import { riskNoteFor, sourcesBlock } from "../grounded-answer/prompt-parts";
import { type Retrieval, retrieveSources } from "../grounded-answer/retrieval";
import { ProblemError } from "../lib/problem";
import { assessCrisis, type SafetyBlock } from "../safety/crisis";
import { clinicalAiAction } from "../use-case/clinical-action";
import type { UseCaseDeps } from "../use-case/deps";
import { transcribeAudio } from "../voice/transcription";
import { findAudio } from "../voice/voice.data";
import { findOwnedTemplate, type NoteTemplate } from "../workspace/note-templates/note-templates.data";
import { type NoteShape, noteMessages } from "./note.prompts";
import { groundNote, type ModelStatement, riskStatements, SourceLocator, type Statement, sectionsFrom } from "./note-grounding";
import { offlineCodes, offlineNoteResponse, offlineStatements, offlineTemplateStatements } from "./note-offline";
import {
  MODEL_NOTE_SCHEMAS,
  modelNoteSchema,
  NOTE_FORMATS,
  NOTE_SECTIONS,
  type NoteAnswer,
  type NoteFormat,
  type NoteInput,
} from "./notes.schemas";

type Input = z.infer<typeof NoteInput>;

/** The field the source is screened under, so the detector's findings in it can be located in it. */
const SOURCE_FIELD = "session_text";

/** Where the detector's statements go: the section a format keeps its clinical assessment (or, in BIRP, the presentation) in. */
const RISK_SECTION: Record<NoteFormat, string> = { soap: "assessment", dap: "assessment", birp: "behavior" };
/** In a template: the section about risk or safety, else the first. */
const templateRiskSection = (template: NoteTemplate) =>
  (
    template.sections.find((section) => /\b(?:risk|safety|safe)/i.test(`${section.name.replaceAll("_", " ")} ${section.instruction}`)) ??
    template.sections[0]
  ).name;

const isFormat = (format: string): format is NoteFormat => (NOTE_FORMATS as readonly string[]).includes(format);

/** The caller's template a `format` names (a 400 at body.format when it is none of theirs); null for a built-in format. */
async function templateOf(deps: UseCaseDeps, format: string): Promise<NoteTemplate | null> {
  if (isFormat(format)) return null;
  const template = await findOwnedTemplate(deps.db, deps.account.id, format);
  if (!template?.sections.length)
    throw new ProblemError(400, {
      code: "validation_error",
      detail: "format is neither soap, dap nor birp, nor the id of one of your note templates.",
      errors: [{ path: "body.format", message: "not one of your note templates" }],
    });
  return template;
}
type Code = NoteAnswer["suggested_codes"][number];

/** The text the note is written from: the request's, or the transcript of the caller's own recording. */
async function sourceText(deps: UseCaseDeps, input: Input): Promise<string> {
  if (input.text !== undefined || input.audio_id === undefined) return input.text ?? "";
  const { account, settings } = deps;
  const audio = await findAudio(deps.storage, account.id, input.audio_id);
  if (!audio)
    throw new ProblemError(404, {
      code: "audio_not_found",
      detail: "No recording of yours has that audio_id (it may have expired).",
      errors: [{ path: "body.audio_id", message: "not one of your stored recordings" }],
    });
  const ai = requireAi(deps.ai, "A note from a recording (transcription)");
  try {
    const transcript = await transcribeAudio(ai, settings.ai.transcriptionModel, input.audio_id, audio);
    if (!/[A-Za-z]/.test(transcript.text))
      throw new ProblemError(422, { code: "empty_transcript", detail: "The recording has no speech to write a note from." });
    return transcript.text;
  } catch (error) {
    throw aiProblem(error);
  }
}

function riskOf(safety: SafetyBlock): NoteAnswer["risk"] {
  const active = safety.indicators.filter((indicator) => indicator.temporal !== "historical");
  const categories = [...new Set(safety.indicators.map((indicator) => indicator.category))];
  const summary = safety.crisis_detected
    ? `Risk indicators in the source text (${[...new Set(active.map((i) => i.category.replaceAll("_", " ")))].join(", ")}): assess risk now and document the safety plan.`
    : safety.indicators.length
      ? "Only historical risk indicators were found in the source text; document the current risk assessment."
      : "The automated screen found no risk indicators in the source text; it does not replace a risk assessment.";
  return { crisis_detected: safety.crisis_detected, categories, summary };
}

/** A code stays only when a retrieved source it cites carries that very code. */
function groundCodes(
  codes: Code[] | Array<Omit<Code, "supporting_sources"> & { supporting_sources: string[] }>,
  retrieval: Retrieval,
): Code[] {
  const byId = new Map(retrieval.hits.map((hit) => [hit.id, hit]));
  const seen = new Set<string>();
  return codes.flatMap((code) => {
    const supporting = keepRetrieved(code.supporting_sources, retrieval.ids).filter((id) => {
      const hit = byId.get(id);
      return code.system === "DSM-5-TR" ? hit?.dsm5_code === code.code : hit?.icd11_code === code.code;
    });
    const key = `${code.system}:${code.code}`;
    if (!supporting.length || seen.has(key)) return [];
    seen.add(key);
    return [{ code: code.code, system: code.system, supporting_sources: supporting }];
  });
}

export async function writeNote(deps: UseCaseDeps, input: Input, { action }: { action: string }): Promise<NoteAnswer> {
  // Before the audit boundary: an unknown template is bad input, which changes and records nothing.
  const template = await templateOf(deps, input.format);
  const asked = {
    format: template ? "template" : input.format,
    input: input.audio_id ? ("audio" as const) : ("text" as const),
    text_chars: input.text?.length ?? 0,
    context_chars: input.client_context?.length ?? 0,
  };
  return clinicalAiAction(
    deps,
    { action, asked },
    async () => composeNote(deps, input, template, await sourceText(deps, input)),
    answerAuditFacts,
  );
}

async function composeNote(deps: UseCaseDeps, input: Input, template: NoteTemplate | null, text: string): Promise<NoteAnswer> {
  const { ai, settings } = deps;
  const format = input.format;
  const safety = assessCrisis({ [SOURCE_FIELD]: text, client_context: input.client_context }, deps.country);
  const retrieval = await retrieveSources(deps, [text, input.client_context].filter(Boolean).join("\n"), "dsm5_criteria");
  const sectionNames = template ? template.sections.map((section) => section.name) : NOTE_SECTIONS[format as NoteFormat];
  const shape: NoteShape = template ? { template } : { format: format as NoteFormat };
  const locator = new SourceLocator(text);
  const risk = {
    statements: riskStatements(text, safety, SOURCE_FIELD, locator),
    section: template ? templateRiskSection(template) : RISK_SECTION[format as NoteFormat],
  };

  let codes = offlineCodes(retrieval.hits);
  let response = offlineNoteResponse(template ? `"${template.name}"` : format.toUpperCase());
  let usage: Usage | null = null;
  let note: { sections: Record<string, string>; statements: Record<string, Statement[]>; unsupported: string[] };
  if (ai) {
    try {
      const generated = await generateStructured(ai, settings.ai, {
        name: template ? "template_note" : `${format}_note`,
        schema: template ? modelNoteSchema(sectionNames) : MODEL_NOTE_SCHEMAS[format as NoteFormat],
        messages: noteMessages(shape, text, input.client_context, sourcesBlock(retrieval.hits), riskNoteFor(safety.indicators)),
      });
      ({ response } = generated.output);
      codes = generated.output.suggested_codes;
      usage = generated.usage;
      note = groundNote(text, sectionNames, generated.output.statements as Record<string, ModelStatement[]>, risk, locator);
    } catch (error) {
      throw aiProblem(error);
    }
  } else {
    // Offline, statements are the source's own sentences: their spans are exact by construction.
    const statements = template ? offlineTemplateStatements(template.sections, text) : offlineStatements(format as NoteFormat, text);
    statements[risk.section]?.push(...risk.statements);
    note = { sections: sectionsFrom(sectionNames, statements), statements, unsupported: [] };
  }

  const frame = answerFrame(retrieval, safety, response, usage);
  return {
    status: "success",
    format,
    ...(template && { template: { id: template.id, name: template.name, sections: template.sections } }),
    source: { input: input.audio_id ? "audio" : "text", audio_id: input.audio_id ?? null, chars: text.length, text },
    sections: note.sections,
    statements: note.statements,
    unsupported: note.unsupported,
    risk: riskOf(safety),
    safety,
    suggested_codes: groundCodes(codes, retrieval),
    ai_response: frame.ai_response,
    retrieved_sources: frame.retrieved_sources,
    disclaimer: frame.disclaimer,
  };
}
