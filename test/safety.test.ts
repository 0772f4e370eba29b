import { describe, expect, it } from "vitest";
import { assessCrisis, CRISIS_RESOURCES, type CrisisCategory, type CrisisIndicator, DV_HOTLINE } from "../src/safety/crisis";

type Temporal = CrisisIndicator["temporal"];

/**
 * [phrase, a category that must be among the indicators, its temporal]. "recent" is within about
 * three months, "historical" longer ago; no time marker means "current".
 */
const MUST_FLAG: Array<[string, CrisisCategory, Temporal]> = [
  // suicidal ideation: abbreviations, passive and active ideation, plan, intent, means, preparation
  ["Endorses SI.", "suicidal_ideation", "current"],
  ["+SI", "suicidal_ideation", "current"],
  ["Passive SI.", "suicidal_ideation", "current"],
  ["Active SI with plan to overdose.", "suicidal_ideation", "current"],
  ["Mood: depressed. SI: yes, passive.", "suicidal_ideation", "current"],
  ["C-SSRS positive.", "suicidal_ideation", "current"],
  ["PHQ-9 item 9 positive.", "suicidal_ideation", "current"],
  ["Feels suicidal at times.", "suicidal_ideation", "current"],
  ["Pt states she wants to die.", "suicidal_ideation", "current"],
  ['"I\'d be better off dead."', "suicidal_ideation", "current"],
  ["Says everyone would be better off without him.", "suicidal_ideation", "current"],
  ["Some nights I think everyone would be better off if I wasn't here.", "suicidal_ideation", "current"],
  ["Wishes she were dead.", "suicidal_ideation", "current"],
  ["Says he doesn't want to wake up in the morning.", "suicidal_ideation", "current"],
  ["Feels life is not worth living.", "suicidal_ideation", "current"],
  ["Thinks about suicide daily.", "suicidal_ideation", "current"],
  ["Reports thoughts of ending my life.", "suicidal_ideation", "current"],
  ["I want to kill myself.", "suicidal_ideation", "current"],
  ["She cannot stop thinking about killing herself.", "suicidal_ideation", "current"],
  ["Suicidal ideation with intent and a plan to hang himself.", "suicidal_ideation", "current"],
  ["She has a plan to overdose on her insulin.", "suicidal_ideation", "current"],
  ["Has been stockpiling pills for the past two weeks.", "suicidal_ideation", "recent"],
  ["Wrote a goodbye note to her sister yesterday.", "suicidal_ideation", "recent"],
  ["Gave away his belongings and wrote a suicide note.", "suicidal_ideation", "current"],
  ["Made a noose last week.", "suicidal_ideation", "recent"],
  ["He has been researching ways to kill himself online.", "suicidal_ideation", "current"],
  ["I did look up how many of my pills it would take.", "suicidal_ideation", "current"],
  ["Unable to contract for safety.", "suicidal_ideation", "current"],
  ["Attempted suicide by hanging three weeks ago.", "suicidal_ideation", "recent"],
  // the negation is phrasing, not a denial ("no one", "cannot stop")
  ["No one would care if I killed myself.", "suicidal_ideation", "current"],
  // negation scope ends at "but", "except", a new assertion, or a comma before a new predicate
  ["Denies current SI but reports passive SI last week.", "suicidal_ideation", "recent"],
  ["Passive SI last week.", "suicidal_ideation", "recent"],
  ["Denies SI except passive thoughts of death last week.", "suicidal_ideation", "recent"],
  ["Denies HI, endorses SI.", "suicidal_ideation", "current"],
  ["No sleep for days, wants to die.", "suicidal_ideation", "current"],
  ["No appetite and wants to die.", "suicidal_ideation", "current"],
  ["No firearms in the home, but has a plan to overdose.", "suicidal_ideation", "current"],
  ["Endorses passive SI, denies plan, intent, or means.", "suicidal_ideation", "current"],
  // past attempts are listed, as historical
  ["History of suicide attempt in 2019.", "suicidal_ideation", "historical"],
  ["Made a suicide attempt by overdose as a teenager.", "suicidal_ideation", "historical"],
  ["History of SI, currently denies.", "suicidal_ideation", "historical"],
  // homicidal ideation, including violent intent toward a named person and duty to warn
  ["HI toward his neighbor.", "homicidal_ideation", "current"],
  ["Endorses SI/HI.", "homicidal_ideation", "current"],
  ["Reports thoughts of killing his boss.", "homicidal_ideation", "current"],
  ["Wants to hurt him.", "homicidal_ideation", "current"],
  ["He is angry at his boss and wants to kill him.", "homicidal_ideation", "current"],
  ["Homicidal ideation toward ex-wife with plan to shoot her.", "homicidal_ideation", "current"],
  ["He threatened to kill his coworker yesterday.", "homicidal_ideation", "recent"],
  ["He said he is going to stab Mark.", "homicidal_ideation", "current"],
  ["He said he'd kill us all.", "homicidal_ideation", "current"],
  ["Wife reports he threatened to kill her.", "homicidal_ideation", "current"],
  ["Duty to warn invoked; the intended victim was notified.", "homicidal_ideation", "current"],
  ["Has thoughts of harming others.", "homicidal_ideation", "current"],
  // self-harm
  ["Self-harm (cutting) two days ago.", "self_harm", "recent"],
  ["No SI today, but self-harm (cutting) two days ago.", "self_harm", "recent"],
  ["Endorses NSSI.", "self_harm", "current"],
  ["Non-suicidal self-injury last week.", "self_harm", "recent"],
  ["Has been cutting her forearms.", "self_harm", "current"],
  ["Endorses urges to cut.", "self_harm", "current"],
  ["Fresh cuts on forearms noted on exam.", "self_harm", "current"],
  ["Burned herself with cigarettes last night.", "self_harm", "recent"],
  ["She hits herself when upset.", "self_harm", "current"],
  ["I hurt myself when I get overwhelmed.", "self_harm", "current"],
  ["Overdosed on acetaminophen last week.", "self_harm", "recent"],
  ["Recent overdose requiring an ED visit.", "self_harm", "recent"],
  ["Took a handful of her sleeping pills after the argument.", "self_harm", "current"],
  // a later time marker in the clause dates the earlier finding
  ["History of cutting, last episode two days ago.", "self_harm", "recent"],
  ["Remote history of self-injury as a teenager.", "self_harm", "historical"],
  // abuse: physical, sexual, IPV/DV, strangulation, child and elder abuse or neglect
  ["Reports physical abuse by her husband.", "abuse", "current"],
  ["She disclosed that her boyfriend hits her.", "abuse", "current"],
  ["Dad beats him with a belt.", "abuse", "current"],
  ["Punched by her boyfriend yesterday.", "abuse", "recent"],
  ["Partner choked her last week.", "abuse", "recent"],
  ["Was strangled by her ex-boyfriend two days ago.", "abuse", "recent"],
  ["Her ex-husband stalks her.", "abuse", "current"],
  ["Positive for IPV.", "abuse", "current"],
  ["DV in the home.", "abuse", "current"],
  ["Currently in an abusive relationship.", "abuse", "current"],
  ["Does not feel safe at home.", "abuse", "current"],
  ["Her husband threatened to kill her.", "abuse", "current"],
  ["My husband is going to kill me.", "abuse", "current"],
  ["Child says her stepfather touched her inappropriately.", "abuse", "current"],
  ["Sexually abused by her uncle as a child.", "abuse", "historical"],
  ["Concern for child neglect.", "abuse", "current"],
  ["Report filed with CPS regarding bruises.", "abuse", "current"],
  ["Elder abuse suspected; daughter withholds food.", "abuse", "current"],
  // psychosis with danger: command hallucinations, or paranoia with a weapon or a plan to act
  ["Command hallucinations telling him to kill his mother.", "psychosis_with_danger", "current"],
  ["Hears voices telling him to hurt people.", "psychosis_with_danger", "current"],
  ["Voices tell her to kill herself.", "psychosis_with_danger", "current"],
  ["Auditory hallucinations commanding her to jump off a bridge.", "psychosis_with_danger", "current"],
  ["Paranoid that the neighbors are poisoning him and bought a gun.", "psychosis_with_danger", "current"],
  ["Persecutory delusions about the FBI; plans to confront them with a knife.", "psychosis_with_danger", "current"],
  ["No evidence of psychosis; command hallucinations reported yesterday.", "psychosis_with_danger", "recent"],
  // transcripts: a clinician's question counts through its answer...
  ["Therapist: Have you had thoughts of killing yourself?\nPatient: Yes, last week.", "suicidal_ideation", "recent"],
  ["Therapist: Any SI?\nPatient: Yeah, sometimes.", "suicidal_ideation", "current"],
  ["Clinician: Has your partner ever hit you?\nPatient: Yes, last month.", "abuse", "recent"],
  ["Q: Do you feel safe at home? A: No.", "abuse", "current"],
  // ...but a question about oneself is a disclosure
  ["Patient: What's the point of living?", "suicidal_ideation", "current"],
  ["Do you think I should kill myself?", "suicidal_ideation", "current"],
];

const MUST_NOT_FLAG: string[] = [
  // negated, per clause
  "Denies SI.",
  "Denies suicidal ideation, plan or intent.",
  "No SI/HI.",
  "Negative for HI.",
  "HI: none. SI: negative.",
  "SI: none",
  "SI/HI: denied.",
  "Denies SI, HI, AVH.",
  "Pt is not suicidal.",
  "Pt not endorsing SI.",
  "Never reported SI.",
  "No homicidal ideation.",
  "Mood low without suicidal thoughts.",
  "Denies thoughts of harming others.",
  "Denies any thoughts of wanting to kill himself.",
  "No thoughts of self-harm or suicide.",
  "Not a danger to self or others.",
  "No history of self-harm.",
  "Never self-harmed.",
  "Denies NSSI.",
  "He denies any history of suicide attempts.",
  "Pt has not yet made a suicide attempt.",
  "Suicidal ideation has resolved.",
  "Screened for SI; negative.",
  "C-SSRS negative.",
  "Denies physical, sexual, or emotional abuse.",
  "No evidence of abuse or neglect.",
  "No IPV.",
  "Denies DV.",
  "Denies command hallucinations.",
  "Denies hearing voices telling him to hurt others.",
  "He would never hurt anyone.",
  "Does not want to hurt her feelings.",
  // safety language and process, not findings
  "Suicide risk assessment completed, low risk, denies SI.",
  "Discussed safety planning.",
  "Safety plan updated; lethal means counseling provided.",
  "No access to firearms.",
  "Firearms stored at brother's house.",
  "Feels safe at home.",
  "Overdose education and naloxone provided.",
  "Risk of overdose discussed; naloxone prescribed.",
  "No prior overdose.",
  "Patient is future-oriented, has strong reasons for living.",
  // paranoia alone, or with the weapon negated, is not psychosis *with danger*
  "Paranoid about coworkers but no access to weapons.",
  "Delusional, no weapons at home, no plan.",
  // idioms and ordinary words
  "Kills time playing games.",
  "This job is killing me.",
  "I'd kill for a coffee right now.",
  "My mom is going to kill me when she finds out.",
  "Dying to see the new film.",
  "Panic attacks with fear of dying.",
  "Cuts back on caffeine.",
  "Urge to cut back on drinking.",
  "Counting how many calories it would take.",
  "Cutting board injury to left thumb.",
  "Patient cut her hair short.",
  "Shot a film with friends last weekend.",
  "Wants to shoot up heroin.",
  "He hit a home run.",
  "He plays violent video games.",
  "Burning sensation with urination.",
  "Burned her hand cooking.",
  "Healing burns on left forearm from the stove.",
  "Hurt her back lifting boxes.",
  "Hurt myself playing football last week.",
  "Mother hit her head on the cabinet.",
  "SI joint pain, worse with sitting.",
  "Hi, how are you today?",
  "DTaP and IPV given today.",
  "Took all of his medications as prescribed.",
  // "abuse" of a substance is not abuse of a person
  "Abuse of alcohol since college.",
  "Substance abuse counseling recommended.",
  "History of alcohol and drug abuse.",
  "Drug-seeking; abuses opioids.",
  "Abuse potential of benzodiazepines discussed.",
  "Verbally abusive toward staff.",
  "The patient reports her mother was critical but never abusive.",
  // accidental overdose is not self-harm (design choice)
  "Accidental overdose on fentanyl last month.",
  // someone else's suicidality or death is family history, not the patient's (design choice)
  "The patient's mother died by suicide when he was 12.",
  "Mother has a history of SI.",
  "Brother attempted suicide last year.",
  "His father's suicide attempt was discussed.",
  "Family history of suicide attempts in maternal uncle.",
  "Grieving; father passed away last year.",
  "Mother killed in a car accident when he was 8.",
  // a clinician's question without a yes is not a disclosure
  "Therapist: Any thoughts of suicide?\nPatient: No, never.",
  "Would you ever hurt yourself or take your own life?",
  "Should I increase my sertraline?",
];

describe("assessCrisis: phrases that must flag", () => {
  it.each(MUST_FLAG)("%s → %s (%s)", (text, category, temporal) => {
    const result = assessCrisis({ symptoms: text });
    expect(result.indicators).toContainEqual(expect.objectContaining({ category, temporal, field: "symptoms" }));
    // crisis_detected follows the indicators: any current or recent one sets it, historical alone does not.
    expect(result.crisis_detected).toBe(result.indicators.some((i) => i.temporal !== "historical"));
  });
});

describe("assessCrisis: phrases that must not flag", () => {
  it.each(MUST_NOT_FLAG)("%s", (text) => {
    const result = assessCrisis({ symptoms: text });
    expect(result.indicators).toEqual([]);
    expect(result.crisis_detected).toBe(false);
    expect(result.resources).toEqual([]);
  });
});

describe("assessCrisis: structure", () => {
  it("names the field each indicator was found in", () => {
    const result = assessCrisis({
      symptoms: "Low mood, anhedonia. Denies SI.",
      patient_context: "Boyfriend hits her. Has been cutting her arms again.",
      transcript: undefined,
      notes: null,
    });
    expect(result.crisis_detected).toBe(true);
    expect(result.indicators.map((i) => [i.field, i.category])).toEqual([
      ["patient_context", "abuse"],
      ["patient_context", "self_harm"],
    ]);
  });

  it("keeps the indicators of every field, in field order", () => {
    const result = assessCrisis({ transcript: "Patient: I want to kill myself.", symptoms: "HI toward his brother." });
    expect(result.indicators.map((i) => i.field)).toEqual(["transcript", "symptoms"]);
  });

  it("gives no resources when nothing is detected, nor for historical indicators alone", () => {
    expect(assessCrisis({ symptoms: "Anxious, sleeping poorly. Denies SI/HI." })).toEqual({
      crisis_detected: false,
      indicators: [],
      resources: [],
    });
    expect(assessCrisis({})).toEqual({ crisis_detected: false, indicators: [], resources: [] });
    const historical = assessCrisis({ patient_context: "History of suicide attempt in 2019." });
    expect(historical.crisis_detected).toBe(false);
    expect(historical.indicators).toHaveLength(1);
    expect(historical.resources).toEqual([]);
  });

  it("gives the crisis resources when detected, without the DV hotline unless abuse is found", () => {
    const result = assessCrisis({ symptoms: "Endorses SI with plan." });
    expect(result.resources).toEqual(CRISIS_RESOURCES);
    expect(result.resources.map((r) => r.name)).toEqual(["988 Suicide & Crisis Lifeline", "Crisis Text Line", "Local emergency services"]);
    expect(result.resources.map((r) => r.contact).join(" ")).toMatch(/988.*741741.*911/);
    expect(result.resources).not.toContainEqual(DV_HOTLINE);
  });

  it("adds the DV hotline when abuse is found", () => {
    const result = assessCrisis({ patient_context: "Partner strangled her two days ago." });
    expect(result.crisis_detected).toBe(true);
    expect(result.resources).toEqual([...CRISIS_RESOURCES, DV_HOTLINE]);
    expect(DV_HOTLINE.contact).toMatch(/1-800-799-7233/);
    expect(DV_HOTLINE.contact).toMatch(/START to 88788/);
  });

  it("leaves the DV hotline out when the only abuse is historical", () => {
    // Current SI sets the crisis; abuse in childhood is listed but is not a present DV situation.
    const result = assessCrisis({ patient_context: "Endorses SI. Sexually abused by her uncle as a child." });
    expect(result.crisis_detected).toBe(true);
    expect(result.indicators).toContainEqual(expect.objectContaining({ category: "abuse", temporal: "historical" }));
    expect(result.resources).toEqual(CRISIS_RESOURCES);
  });

  it("returns copies of the resources, so callers cannot change the constants", () => {
    const result = assessCrisis({ symptoms: "Endorses SI." });
    result.resources[0].contact = "changed";
    expect(CRISIS_RESOURCES[0].contact).not.toBe("changed");
    expect(assessCrisis({ symptoms: "Endorses SI." }).resources[0].contact).toBe(CRISIS_RESOURCES[0].contact);
  });

  it("keeps evidence to the triggering clause, trimmed and at most 200 characters", () => {
    const filler =
      "the patient describes a long and detailed account of the week including work, family, sleep, diet and exercise routines".repeat(3);
    const result = assessCrisis({ transcript: `  ${filler} and then says she wants to die ${filler}.  ` });
    expect(result.indicators).toHaveLength(1);
    const evidence = result.indicators[0].evidence;
    expect(evidence.length).toBeLessThanOrEqual(200);
    expect(evidence).toContain("wants to die");
    expect(evidence).toBe(evidence.trim());
    const short = assessCrisis({ symptoms: "Sleeping poorly.   Denies HI but reports passive SI last week.  Eating well." });
    expect(short.indicators.map((i) => i.evidence)).toEqual(["reports passive SI last week."]);
  });

  it("keeps every evidence within 200 characters for all flagged phrases", () => {
    for (const [text] of MUST_FLAG)
      for (const i of assessCrisis({ t: text }).indicators) expect(i.evidence.length).toBeLessThanOrEqual(200);
  });

  // No clock, no randomness, and the shared regexes keep no state between calls.
  it("is deterministic: the same input gives the same output, call after call", () => {
    const input = { symptoms: MUST_FLAG.map(([t]) => t).join("\n"), patient_context: MUST_NOT_FLAG.join("\n") };
    const first = assessCrisis(input);
    expect(first.indicators.length).toBeGreaterThan(MUST_FLAG.length / 2);
    for (let n = 0; n < 5; n++) expect(assessCrisis(input)).toEqual(first);
    expect(JSON.stringify(assessCrisis({ ...input }))).toBe(JSON.stringify(first));
  });

  it("does not flag a clinician's question answered no, and does flag one answered yes", () => {
    expect(assessCrisis({ transcript: "Therapist: Do you ever think about hurting yourself?\nPatient: No." }).crisis_detected).toBe(false);
    // An ambivalent answer calls for assessment, so it counts.
    expect(assessCrisis({ transcript: "Therapist: Are you thinking of suicide?\nPatient: I don't know." }).crisis_detected).toBe(true);
    const yes = assessCrisis({ transcript: "Therapist: Do you ever think about hurting yourself?\nPatient: Sometimes, yeah." });
    expect(yes.indicators).toEqual([expect.objectContaining({ category: "self_harm", temporal: "current", field: "transcript" })]);
  });

  // Transcripts of a whole session run to tens of kilobytes; the detector must not be the slow part.
  it("is fast on a long transcript", () => {
    const transcript = Array.from({ length: 400 }, (_, n) =>
      n % 50 === 7
        ? "Patient: Some days I want to die."
        : "Therapist: How did the week go? Patient: Work was busy, sleep was okay, no major changes.",
    ).join("\n");
    const started = performance.now();
    const result = assessCrisis({ transcript });
    expect(result.crisis_detected).toBe(true);
    expect(performance.now() - started).toBeLessThan(1000);
  });
});
