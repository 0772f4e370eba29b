/**
 * Session notes: SOAP, DAP or BIRP from text, or from the caller's stored recording (transcribed
 * for the note). Risk is screened over the source text every time; codes are suggested only with
 * a retrieved source that carries them. Nothing of the note is stored. One use case for the
 * REST route and the console, inside one audit event.
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
import { noteMessages } from "./note.prompts";
import { offlineCodes, offlineNoteResponse, offlineSections } from "./note-offline";
import { MODEL_NOTE_SCHEMAS, NOT_DOCUMENTED, NOTE_SECTIONS, type NoteAnswer, type NoteFormat, type NoteInput } from "./notes.schemas";

type Input = z.infer<typeof NoteInput>;
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

/** Every section present; an empty one says it has nothing to draw on. */
function completeSections(format: NoteFormat, sections: Record<string, string>): Record<string, string> {
  return Object.fromEntries(NOTE_SECTIONS[format].map((name) => [name, sections[name]?.trim() || NOT_DOCUMENTED]));
}

export function writeNote(deps: UseCaseDeps, input: Input, { action }: { action: string }): Promise<NoteAnswer> {
  const asked = {
    format: input.format,
    input: input.audio_id ? ("audio" as const) : ("text" as const),
    text_chars: input.text?.length ?? 0,
    context_chars: input.client_context?.length ?? 0,
  };
  return clinicalAiAction(deps, { action, asked }, async () => composeNote(deps, input, await sourceText(deps, input)), answerAuditFacts);
}

async function composeNote(deps: UseCaseDeps, input: Input, text: string): Promise<NoteAnswer> {
  const { ai, settings } = deps;
  const safety = assessCrisis({ session_text: text, client_context: input.client_context }, deps.country);
  const retrieval = await retrieveSources(deps, [text, input.client_context].filter(Boolean).join("\n"), "dsm5_criteria");

  let sections = offlineSections(input.format, text);
  let codes = offlineCodes(retrieval.hits);
  let response = offlineNoteResponse(input.format);
  let usage: Usage | null = null;
  if (ai) {
    try {
      const generated = await generateStructured(ai, settings.ai, {
        name: `${input.format}_note`,
        schema: MODEL_NOTE_SCHEMAS[input.format],
        messages: noteMessages(input.format, text, input.client_context, sourcesBlock(retrieval.hits), riskNoteFor(safety.indicators)),
      });
      ({ response } = generated.output);
      sections = generated.output.sections;
      codes = generated.output.suggested_codes;
      usage = generated.usage;
    } catch (error) {
      throw aiProblem(error);
    }
  }

  const frame = answerFrame(retrieval, safety, response, usage);
  return {
    status: "success",
    format: input.format,
    source: { input: input.audio_id ? "audio" : "text", audio_id: input.audio_id ?? null, chars: text.length },
    sections: completeSections(input.format, sections),
    risk: riskOf(safety),
    safety,
    suggested_codes: groundCodes(codes, retrieval),
    ai_response: frame.ai_response,
    retrieved_sources: frame.retrieved_sources,
    disclaimer: frame.disclaimer,
  };
}
