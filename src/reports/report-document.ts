/**
 * A report as a printable document: title, clinician, date and time, the content's sections,
 * sources, safety and the disclaimer. HTML and PDF render this same structure, so they never
 * differ in what they show, and what a role may not see is removed here, once.
 */
import type { UserRow } from "../auth/auth.table";
import { DISCLAIMER } from "../grounded-answer/prompt-parts";
import { noteSectionNames, sectionTitle } from "../notes/notes.schemas";
import { may } from "../policy/policy";
import { PLAN_LABELS, SAFETY_PLAN_SECTIONS } from "../safety-plans/safety-plan-labels";
import type { ReportInput, ReportKind } from "./reports.schemas";

export type Block = { type: "paragraph"; text: string } | { type: "subheading"; text: string } | { type: "list"; items: string[] };

export interface ReportSection {
  heading: string;
  blocks: Block[];
}

export interface ReportDocument {
  kind: ReportKind;
  title: string;
  clinician: string;
  /** e.g. "2026-12-01 14:05 UTC". */
  generatedAt: string;
  sections: ReportSection[];
  disclaimer: string;
}

type Account = Pick<
  UserRow,
  "firstName" | "lastName" | "role" | "isVerified" | "licenseType" | "licenseNumber" | "licenseState" | "organization"
>;
type Source = { id: string; title: string; type: string; dsm5_code: string | null; icd11_code: string | null };
type Safety = Exclude<ReportInput, { kind: "safety_plan" }>["content"]["safety"];
type SafetyPlanReport = Extract<ReportInput, { kind: "safety_plan" }>;

const paragraph = (text: string): Block => ({ type: "paragraph", text });
const list = (items: string[]): Block => ({ type: "list", items });
const section = (heading: string, ...blocks: Block[]): ReportSection => ({ heading, blocks });
const orNone = (items: string[], none = "None."): Block => (items.length ? list(items) : paragraph(none));

function clinicianLine(account: Account): string {
  const licence = [account.licenseType, account.licenseNumber, account.licenseState].filter(Boolean).join(" ");
  return [`${account.firstName} ${account.lastName}`, account.role, licence, account.organization].filter(Boolean).join(", ");
}

/** Markdown as blocks: headings, list items and paragraphs; emphasis markers dropped. */
function markdownBlocks(markdown: string): Block[] {
  const blocks: Block[] = [];
  let lines: string[] = [];
  let items: string[] = [];
  const plain = (text: string) => text.replaceAll("**", "").replaceAll("__", "").replaceAll("`", "").trim();
  const flush = () => {
    if (lines.length) blocks.push(paragraph(plain(lines.join(" "))));
    if (items.length) blocks.push(list(items));
    lines = [];
    items = [];
  };
  for (const line of markdown.split("\n")) {
    const heading = /^\s{0,3}#{1,6}\s+(.*)$/.exec(line);
    const item = /^\s*(?:[-*+•]|\d{1,3}[.)])\s+(.*)$/.exec(line);
    if (heading) {
      flush();
      blocks.push({ type: "subheading", text: plain(heading[1]) });
    } else if (item) {
      if (lines.length) flush();
      items.push(plain(item[1]));
    } else if (!line.trim()) flush();
    else {
      if (items.length) flush();
      lines.push(line.trim());
    }
  }
  flush();
  return blocks;
}

const codes = (item: { dsm5_code: string | null; icd11_code: string | null }) =>
  [item.dsm5_code && `DSM-5-TR ${item.dsm5_code}`, item.icd11_code && `ICD-11 ${item.icd11_code}`].filter(Boolean).join(", ") || "no code";

/** "[1, 3]": citations as numbers into the report's source list. */
function citer(sources: Source[]) {
  const index = new Map(sources.map((source, i) => [source.id, i + 1]));
  return (ids: string[]) => {
    const numbers = ids.map((id) => index.get(id)).filter((n): n is number => n !== undefined);
    return numbers.length ? ` [sources ${numbers.join(", ")}]` : "";
  };
}

function sourcesSection(sources: Source[]): ReportSection {
  return section(
    "Sources",
    orNone(
      sources.map((source, i) => `${i + 1}. ${source.title} (${source.type.replaceAll("_", " ")}; ${codes(source)}; id ${source.id})`),
      "No sources were retrieved.",
    ),
  );
}

function safetySection(safety: Safety): ReportSection {
  if (!safety.crisis_detected && !safety.indicators.length)
    return section("Safety", paragraph("The automated screen found no risk indicators. It does not replace a clinical risk assessment."));
  return section(
    "Safety",
    paragraph(
      safety.crisis_detected
        ? "Risk indicators were found. Assess risk now (e.g. C-SSRS), make a safety plan, and act on local protocols."
        : "Only historical risk indicators were found; document the current risk assessment.",
    ),
    orNone(safety.indicators.map((i) => `${i.category.replaceAll("_", " ")} (${i.temporal}, in ${i.field}): "${i.evidence}"`)),
    ...(safety.resources.length
      ? [{ type: "subheading", text: "Crisis resources" } as Block, list(safety.resources.map((r) => `${r.name}: ${r.contact}`))]
      : []),
  );
}

/**
 * The plan's steps under headings in the client's language; a step without items says, in that
 * language, that it is to complete with the client (whatever placeholder the content carries).
 */
function safetyPlanSections({ content, language }: SafetyPlanReport): ReportSection[] {
  const labels = PLAN_LABELS[language ?? content.language];
  return SAFETY_PLAN_SECTIONS.map((step) =>
    section(
      labels.sections[step],
      orNone(content.sections[step].items, labels.toComplete),
      ...(step === "professionals_and_agencies" && content.crisis_resources.length
        ? [
            { type: "subheading", text: labels.crisisLines } as Block,
            list(content.crisis_resources.map((resource) => `${resource.name}: ${resource.contact}`)),
          ]
        : []),
    ),
  );
}

function contentSections(input: ReportInput, account: Account): { title: string; sections: ReportSection[]; sources: Source[] } {
  switch (input.kind) {
    case "diagnose": {
      const { content } = input;
      const cite = citer(content.retrieved_sources);
      return {
        title: "Differential diagnosis report",
        sources: content.retrieved_sources,
        sections: [
          section(
            "Presentation",
            paragraph(content.query.symptoms),
            ...(content.query.patient_context ? [paragraph(`Context: ${content.query.patient_context}`)] : []),
          ),
          section(
            "Differential diagnosis",
            orNone(
              content.differential.map(
                (item, i) =>
                  `${i + 1}. ${item.condition} (${codes(item)}), confidence ${item.confidence.toFixed(2)}: ${item.rationale}${cite(item.supporting_sources)}`,
              ),
            ),
          ),
          section("Clinical reasoning", ...markdownBlocks(content.ai_response.response)),
        ],
      };
    }
    case "treatment": {
      const { content } = input;
      const plan = content.treatment_plan;
      const cite = citer(content.retrieved_sources);
      const medication = may(account, "medication") ? plan.medication_considerations : null;
      return {
        title: "Treatment plan report",
        sources: content.retrieved_sources,
        sections: [
          section(
            "Diagnosis",
            paragraph(content.query.diagnosis),
            ...(content.query.patient_context ? [paragraph(`Context: ${content.query.patient_context}`)] : []),
          ),
          section("Problems", orNone(plan.problems.map((p) => `${p.description}${cite(p.supporting_sources)}`))),
          section(
            "SMART goals",
            orNone(
              plan.smart_goals.map(
                (g) =>
                  `${g.goal}. Specific: ${g.specific}. Measurable: ${g.measurable}. Achievable: ${g.achievable}. Relevant: ${g.relevant}. Time-bound: ${g.time_bound}.`,
              ),
            ),
          ),
          section("Objectives", orNone(plan.objectives.map((o) => `Week ${o.target_week}: ${o.description}`))),
          section(
            "Interventions",
            orNone(
              plan.interventions.map((i) => `${i.name} (evidence ${i.evidence_level ?? "not graded"}; ${i.frequency})${cite(i.citations)}`),
            ),
          ),
          section("Measures", orNone(plan.measures.map((m) => `${m.instrument}, ${m.frequency}; target: ${m.target}`))),
          section("Review", paragraph(`Review the plan by ${plan.review_date}. ${plan.timeline}`)),
          section(
            "Modalities",
            orNone(
              plan.modalities.map(
                (m) => `${m.name} (evidence ${m.evidence_level ?? "not graded"}): ${m.rationale}${cite(m.supporting_sources)}`,
              ),
            ),
          ),
          ...(plan.goals.length ? [section("Goals", list(plan.goals))] : []),
          ...(medication ? [section("Medication considerations", ...markdownBlocks(medication))] : []),
          section("Clinical reasoning", ...markdownBlocks(content.ai_response.response)),
        ],
      };
    }
    case "case_analysis": {
      const { content } = input;
      const item = content.case_data;
      const findings = content.ai_analysis.findings;
      const cite = citer(content.retrieved_documents);
      return {
        title: `Case analysis report: ${content.case_id}`,
        sources: content.retrieved_documents,
        sections: [
          section(
            "Case",
            paragraph(
              `${item.patient_demographics.age}-year-old ${item.patient_demographics.gender}${item.patient_demographics.occupation ? `, ${item.patient_demographics.occupation}` : ""}; severity ${item.severity}.`,
            ),
            { type: "subheading", text: "Presenting symptoms" },
            list(item.presenting_symptoms),
            paragraph(`History: ${item.clinical_history}`),
            paragraph(`Assessment notes: ${item.assessment_notes}`),
            paragraph(
              `Suggested diagnosis: ${item.suggested_diagnosis.primary} (DSM-5-TR ${item.suggested_diagnosis.dsm5_code}, ICD-11 ${item.suggested_diagnosis.icd11_code}).`,
            ),
          ),
          ...(findings
            ? [
                section(
                  "Findings",
                  paragraph(`Suggested diagnosis supported by the sources: ${findings.suggested_diagnosis_supported ? "yes" : "no"}.`),
                  { type: "subheading", text: "Alternative diagnoses" },
                  orNone(
                    findings.alternative_diagnoses.map((d) => `${d.condition} (${codes(d)}): ${d.rationale}${cite(d.supporting_sources)}`),
                  ),
                  { type: "subheading", text: "Missing assessments" },
                  orNone(findings.missing_assessments),
                  { type: "subheading", text: "Treatment considerations" },
                  orNone(findings.treatment_considerations),
                ),
              ]
            : []),
          section("Clinical reasoning", ...markdownBlocks(content.ai_analysis.response)),
        ],
      };
    }
    case "note": {
      const { content } = input;
      const cite = citer(content.retrieved_sources);
      return {
        title: `Session note (${content.template ? content.template.name : content.format.toUpperCase()})`,
        sources: content.retrieved_sources,
        sections: [
          ...noteSectionNames(content).map((name) => section(sectionTitle(name), paragraph(content.sections[name] ?? ""))),
          // Statements with no support found in the source: apart, and said to be so (docs/api.md §10).
          ...(content.unsupported?.length
            ? [
                section(
                  "Unsupported statements (not found in the source text)",
                  paragraph("The model wrote these, but no words of the source text support them; they are not part of the note above."),
                  list(content.unsupported),
                ),
              ]
            : []),
          section("Risk", paragraph(content.risk.summary)),
          section(
            "Suggested codes",
            orNone(
              content.suggested_codes.map((code) => `${code.system} ${code.code}${cite(code.supporting_sources)}`),
              "No code is suggested.",
            ),
          ),
          section("Summary", ...markdownBlocks(content.ai_response.response)),
        ],
      };
    }
    case "safety_plan":
      return { title: PLAN_LABELS[input.language ?? input.content.language].title, sources: [], sections: safetyPlanSections(input) };
  }
}

function formatTimestamp(date: Date): string {
  return `${date.toISOString().slice(0, 16).replace("T", " ")} UTC`;
}

/** The document for a report of `input`, as `account` may see it. */
export function buildReport(input: ReportInput, account: Account, now = new Date()): ReportDocument {
  const { title, sections, sources } = contentSections(input, account);
  return {
    kind: input.kind,
    title,
    clinician: clinicianLine(account),
    generatedAt: formatTimestamp(now),
    // A safety plan has no sources and is itself the answer to the safety block.
    sections: input.kind === "safety_plan" ? sections : [...sections, sourcesSection(sources), safetySection(input.content.safety)],
    // The server's own words, whatever the submitted content says.
    disclaimer: DISCLAIMER,
  };
}
