import { describe, expect, it } from "vitest";
import { assessCrisis, type CrisisCategory, type CrisisIndicator } from "../src/safety/crisis";

type Temporal = CrisisIndicator["temporal"];

const US_DV_HOTLINE = "National Domestic Violence Hotline";

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
  // Warning signs said indirectly (988 Lifeline, AFSP, SAMHSA / Joint Commission lists; the C-SSRS
  // preparatory-acts item). A preparatory act "last week" is recent; one before an attempt in 2015 is history.
  // possessions given away
  ["Gave away her guitar and most of her belongings last week.", "suicidal_ideation", "recent"],
  ["He has been giving his things away to friends.", "suicidal_ideation", "current"],
  ["Gave away his prized record collection for no reason.", "suicidal_ideation", "current"],
  ["Wife says he has been giving away his tools and his dog.", "suicidal_ideation", "current"],
  ["Gave all his games to his little brother yesterday.", "suicidal_ideation", "recent"],
  ["Gave his guitar to a friend and said he wouldn't need it any more.", "suicidal_ideation", "current"],
  ["Gave away his belongings before his attempt in 2015.", "suicidal_ideation", "historical"],
  // goodbyes
  ["Texted her friends goodbye as if for the last time.", "suicidal_ideation", "current"],
  ["Has been saying his goodbyes to family.", "suicidal_ideation", "current"],
  ["Sent goodbye messages to several friends two days ago.", "suicidal_ideation", "recent"],
  ["Called his brother last night to say goodbye for good.", "suicidal_ideation", "recent"],
  ["Has been visiting old friends to say goodbye.", "suicidal_ideation", "current"],
  ['She texted "I love you all, goodbye".', "suicidal_ideation", "current"],
  ["Her text said sorry for everything, goodbye.", "suicidal_ideation", "current"],
  // a will, affairs in order, a note, arrangements
  ["Wrote a will last week, which is unusual for a 22-year-old.", "suicidal_ideation", "recent"],
  ["Unexpectedly made a will and updated his life insurance.", "suicidal_ideation", "current"],
  ["Drew up a will last week.", "suicidal_ideation", "recent"],
  ["Has been putting his affairs in order.", "suicidal_ideation", "current"],
  ["Left a note apologising to her family.", "suicidal_ideation", "current"],
  ["Wrote a letter to his kids saying sorry for everything.", "suicidal_ideation", "current"],
  ["Wrote letters to each of her children.", "suicidal_ideation", "current"],
  ['"Tell my mum I am sorry."', "suicidal_ideation", "current"],
  ["Made sure the kids will be looked after.", "suicidal_ideation", "current"],
  // a burden; better off without me
  ["Feels she is a burden to her family.", "suicidal_ideation", "current"],
  ["I'm just a burden to everyone.", "suicidal_ideation", "current"],
  ["Worries about being a burden on his children.", "suicidal_ideation", "current"],
  ["My kids would be better off without me.", "suicidal_ideation", "current"],
  ["It would be easier for everyone if I wasn't around.", "suicidal_ideation", "current"],
  ["My family would be happier without me.", "suicidal_ideation", "current"],
  ['He wrote: "Everyone would be better off."', "suicidal_ideation", "current"],
  // won't be a problem much longer
  ["Told his mother he won't be a problem much longer.", "suicidal_ideation", "current"],
  ["I won't be a problem for you much longer.", "suicidal_ideation", "current"],
  ["You won't have to worry about me for much longer.", "suicidal_ideation", "current"],
  ["Pretty soon you won't have to worry about me.", "suicidal_ideation", "current"],
  ["I won't be around much longer.", "suicidal_ideation", "current"],
  ["Not planning on being around by Christmas.", "suicidal_ideation", "current"],
  ["Said it will all be over soon.", "suicidal_ideation", "current"],
  ["Soon you'll all be rid of me.", "suicidal_ideation", "current"],
  ["I won't be needing these where I'm going.", "suicidal_ideation", "current"],
  ["This is the last time you'll see me.", "suicidal_ideation", "current"],
  ["Told his sister it would be the last time she'd see him.", "suicidal_ideation", "current"],
  ["You'll be sorry when I'm gone.", "suicidal_ideation", "current"],
  ["I'll be in a better place soon.", "suicidal_ideation", "current"],
  // no point going on; can't go on; no way out
  ["There's no point going on.", "suicidal_ideation", "current"],
  ["No point carrying on like this.", "suicidal_ideation", "current"],
  ['"There is no reason for me to be here."', "suicidal_ideation", "current"],
  ["I can't go on like this anymore.", "suicidal_ideation", "current"],
  ["Says she can't go on.", "suicidal_ideation", "current"],
  ["I can't take it anymore.", "suicidal_ideation", "current"],
  ["I just want out.", "suicidal_ideation", "current"],
  ["I just want it all to end.", "suicidal_ideation", "current"],
  ["Wants everything to stop for good.", "suicidal_ideation", "current"],
  ["He is done with life.", "suicidal_ideation", "current"],
  ["Life isn't worth it anymore.", "suicidal_ideation", "current"],
  ["Nothing matters anymore.", "suicidal_ideation", "current"],
  ["Can't see any future for myself.", "suicidal_ideation", "current"],
  ["Can't see a way out.", "suicidal_ideation", "current"],
  ["Feels there is no way out.", "suicidal_ideation", "current"],
  ["Death feels like the only way out.", "suicidal_ideation", "current"],
  ["Suicide seems like the only option.", "suicidal_ideation", "current"],
  // nobody would notice
  ["Nobody would notice if I disappeared.", "suicidal_ideation", "current"],
  ["No one would even miss me.", "suicidal_ideation", "current"],
  ["If I died tomorrow, no one would care.", "suicidal_ideation", "current"],
  ["Would anyone notice if I was gone?", "suicidal_ideation", "current"],
  ["Who cares if I'm dead anyway.", "suicidal_ideation", "current"],
  // passive wishes
  ["I just want to sleep forever.", "suicidal_ideation", "current"],
  ["I just want to disappear.", "suicidal_ideation", "current"],
  ["I'd rather be dead.", "suicidal_ideation", "current"],
  ["Hopes she won't wake up in the morning.", "suicidal_ideation", "current"],
  ["Wishes she hadn't woken up.", "suicidal_ideation", "current"],
  ["Prays every night that he dies in his sleep.", "suicidal_ideation", "current"],
  ["Wishes a car would hit her.", "suicidal_ideation", "current"],
  ["Disappointed to wake up every morning.", "suicidal_ideation", "current"],
  ["Reports thoughts of not wanting to live.", "suicidal_ideation", "current"],
  ["Wants to be with her late husband.", "suicidal_ideation", "current"],
  ["Thinking about ending it.", "suicidal_ideation", "current"],
  ["I'm going to end it tonight.", "suicidal_ideation", "current"],
  ["Wants to unalive herself.", "suicidal_ideation", "current"],
  // researching a method, saving up the means
  ["Has been googling painless ways to die.", "suicidal_ideation", "current"],
  ['Her search history included "how to kill yourself painlessly".', "suicidal_ideation", "current"],
  ["Looked up how high the bridge is.", "suicidal_ideation", "current"],
  ["Asked the pharmacist how many tablets would be fatal.", "suicidal_ideation", "current"],
  ["Has been saving up her sleeping tablets.", "suicidal_ideation", "current"],
  ["Collecting his insulin in a drawer.", "suicidal_ideation", "current"],
  ["Bought paracetamol from several different shops yesterday.", "suicidal_ideation", "recent"],
  ["Keeps a stash of oxycodone hidden in her room.", "suicidal_ideation", "current"],
  ["Has enough tablets saved to do it.", "suicidal_ideation", "current"],
  ["Thinking of taking all my pills tonight.", "suicidal_ideation", "current"],
  // rehearsal, aborted and actual attempts
  ["Stood on the edge of the bridge last night.", "suicidal_ideation", "recent"],
  ["Held a knife to his wrist yesterday.", "suicidal_ideation", "recent"],
  ["Put a belt around her neck two days ago.", "suicidal_ideation", "recent"],
  ["Found with a ligature around his neck.", "suicidal_ideation", "current"],
  ["His girlfriend found him with a rope around his neck.", "suicidal_ideation", "current"],
  ["Sat in the garage with the car engine running.", "suicidal_ideation", "current"],
  ["Ran out into traffic after the argument.", "suicidal_ideation", "current"],
  ["Urges to swerve into oncoming traffic.", "suicidal_ideation", "current"],
  ["Attempted hanging three weeks ago.", "suicidal_ideation", "recent"],
  ["Jumped from her bedroom window last week.", "suicidal_ideation", "recent"],
  ["Jumped from the fourth floor.", "suicidal_ideation", "current"],
  ["Set herself on fire.", "suicidal_ideation", "current"],
  ["Took pills to die.", "suicidal_ideation", "current"],
  ["Swallowed her mother's tablets so she wouldn't wake up.", "suicidal_ideation", "current"],
  ["Overdosed on sertraline to sleep forever.", "suicidal_ideation", "current"],
  ["Mother reports he has been saying he wants to die.", "suicidal_ideation", "current"],
  // self-injury described clinically
  ["Self-inflicted lacerations to the left forearm.", "self_harm", "current"],
  ["Lacerations to wrist, self-inflicted.", "self_harm", "current"],
  ["Superficial cuts to both forearms noted.", "self_harm", "current"],
  ["Fresh cuts noted.", "self_harm", "current"],
  ["Multiple horizontal cuts across her thighs.", "self_harm", "current"],
  ["Slit her wrists in the bath.", "self_harm", "current"],
  ["Slashed his forearms with a razor.", "self_harm", "current"],
  ["Carved words into her thigh.", "self_harm", "current"],
  ["Burns her arms with a lighter.", "self_harm", "current"],
  ["Cigarette burns on her forearms.", "self_harm", "current"],
  ["Holds a hot spoon against her skin.", "self_harm", "current"],
  ["Bangs his head on the floor when distressed.", "self_harm", "current"],
  ["Head-banging against the door last night.", "self_harm", "recent"],
  ["Mum found her cutting in the bathroom.", "self_harm", "current"],
  ["Dad says his son has been cutting himself.", "self_harm", "current"],
  ["Mum is worried that her daughter has been self-harming.", "self_harm", "current"],
  ["Wears long sleeves to hide the marks on her arms.", "self_harm", "current"],
  ["Mum found razor blades hidden in her pencil case.", "self_harm", "current"],
  ["Has been taking apart pencil sharpeners.", "self_harm", "current"],
  ["Says she deserves to feel pain.", "self_harm", "current"],
  // self-poisoning: an overdose by its size, a household poison or an object swallowed
  ["Intentional ingestion of bleach.", "self_harm", "current"],
  ["Deliberately swallowed two batteries yesterday.", "self_harm", "recent"],
  ["Drank bleach after an argument with her partner.", "self_harm", "current"],
  ["Ingested laundry detergent on purpose.", "self_harm", "current"],
  ["Deliberate self-poisoning with antifreeze.", "self_harm", "current"],
  ["Swallowed razor blades on the ward.", "self_harm", "current"],
  ["Took 30 paracetamol last night.", "self_harm", "recent"],
  ["Took the whole box of ibuprofen.", "self_harm", "current"],
  ["Took 20 of her mum's sleeping tablets to sleep forever.", "self_harm", "current"],
  ["Took 20 of her mum's sleeping tablets to sleep forever.", "suicidal_ideation", "current"],
  ["Roommate found him unconscious with an empty pill bottle.", "self_harm", "current"],
  ["Took 40 paracetamol at age 16.", "self_harm", "historical"],
  ["Drank bleach as a teenager.", "self_harm", "historical"],
  // harm to others: a baby, a weapon taken to school, a plan behind "I could kill him", veiled threats
  ["Thoughts of smothering the baby.", "homicidal_ideation", "current"],
  ["Intrusive images of drowning her son in the bath.", "homicidal_ideation", "current"],
  ["Afraid she might hurt the baby.", "homicidal_ideation", "current"],
  ["Has urges to shake the baby when he cries.", "homicidal_ideation", "current"],
  ["Talked about bringing a gun to school to get back at the boys who bully him.", "homicidal_ideation", "current"],
  ["Brought a knife to school last week.", "homicidal_ideation", "recent"],
  ["Plans to take his dad's rifle to school.", "homicidal_ideation", "current"],
  ["I could kill him and I've worked out how.", "homicidal_ideation", "current"],
  ["I could kill her, I know exactly how I'd do it.", "homicidal_ideation", "current"],
  ["Made death threats against his neighbour.", "homicidal_ideation", "current"],
  ["Wants to make them all pay for what they did.", "homicidal_ideation", "current"],
  ["Plans revenge against his ex-partner.", "homicidal_ideation", "current"],
  ["He'll get what's coming to him.", "homicidal_ideation", "current"],
  ["I know where he lives.", "homicidal_ideation", "current"],
  ["Keeps a knife in the car for when he sees him.", "homicidal_ideation", "current"],
  // abuse as disclosed: forced sex, night visits, threats that stop leaving, bruises and who gave them
  ["Her boyfriend forced her into sex.", "abuse", "current"],
  ["He forces me to have sex when he's drunk.", "abuse", "current"],
  ["Was made to have sex against her will last weekend.", "abuse", "recent"],
  ["Non-consensual sex with a partner last month.", "abuse", "recent"],
  ["Pressured into sexual acts by her coach.", "abuse", "current"],
  ["My stepfather comes into my room at night and touches me.", "abuse", "current"],
  ["Her stepdad comes into her bedroom at night.", "abuse", "current"],
  ["Uncle touches her private parts.", "abuse", "current"],
  ["Says her dad touches her under her clothes.", "abuse", "current"],
  ["He says it's our secret.", "abuse", "current"],
  ["He said he'd kill me if I leave.", "abuse", "current"],
  ["He threatens to kill me if I tell anyone.", "abuse", "current"],
  ["She says he will hurt the kids if she goes to the police.", "abuse", "current"],
  ["Bruises on her arms; mum's boyfriend smacks her.", "abuse", "current"],
  ["Came to school with bruises and says her dad hurts her.", "abuse", "current"],
  ["Mum's boyfriend gave her a black eye.", "abuse", "current"],
  ["Unexplained bruising on the child's back.", "abuse", "current"],
  ["He hits me when he drinks.", "abuse", "current"],
  ["He's been threatening me.", "abuse", "current"],
  ["Dad hits mum.", "abuse", "current"],
  ["Saw her dad hitting her mum last night.", "abuse", "recent"],
  ["Punched in the face by her partner.", "abuse", "current"],
  ["Her husband won't let her see her family or have any money.", "abuse", "current"],
  ["Her partner checks her phone and tracks her location.", "abuse", "current"],
  ["I walk on eggshells around my husband.", "abuse", "current"],
  ["Locked in her room for days without food.", "abuse", "current"],
  ["There's never any food at home.", "abuse", "current"],
  ["Her son takes her pension every week.", "abuse", "current"],
  ["Is scared to go home.", "abuse", "current"],
  ["Is being groomed online by an older man.", "abuse", "current"],
  ["Is being stalked by her former partner.", "abuse", "current"],
  ["Shakes the baby when she won't stop crying.", "abuse", "current"],
  ["Stepfather forced her into sex when she was a child.", "abuse", "historical"],
  ["Abused by her first husband.", "abuse", "historical"],
  // danger despite a denial in the same sentence
  ["Denies suicidal intent, yet has been stockpiling pills.", "suicidal_ideation", "current"],
  ["Denies suicidal intent yet has been stockpiling pills.", "suicidal_ideation", "current"],
  ["Denies self-harm; however, fresh cuts noted.", "self_harm", "current"],
  ["Denies SI despite an overdose last week.", "self_harm", "recent"],
  ["Denies SI while giving away her belongings.", "suicidal_ideation", "current"],
  ["Denies any thoughts of suicide, although she wrote a will last week.", "suicidal_ideation", "recent"],
  ["Denies self-harm but has superficial cuts on her forearms.", "self_harm", "current"],
  ["Denies SI, has been researching ways to die.", "suicidal_ideation", "current"],
  // psychosis: what the voices say should happen
  ["Voices say she deserves to die.", "psychosis_with_danger", "current"],
  ["The voices tell him he should kill his neighbour.", "psychosis_with_danger", "current"],
  ["Believes God wants her to sacrifice her baby.", "psychosis_with_danger", "current"],
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
  // look-alikes of the warning signs: idioms, errands, holidays, grief, teaching
  "Killing time before the appointment.",
  "I'm dying to see it.",
  "Cut the grass on Sunday.",
  "Had a shot at goal in the second half.",
  "Overdosed on coffee before the exam.",
  "My phone died.",
  "I nearly died laughing.",
  "The suspense is killing me.",
  "That cake is to die for.",
  "I could murder a curry.",
  "I could kill him for forgetting my birthday.",
  "I'd rather die than sing karaoke.",
  "I could sleep forever this weekend.",
  "Gave away the ending of the film.",
  "Giving away free samples at work.",
  "She gave away her old books to the library.",
  "Gave away his things before moving abroad.",
  "Her grandmother gave away her belongings before moving into a care home.",
  "Said goodbye to her friends at the airport.",
  "Texted her friends goodbye before flying to Spain.",
  "Said her final goodbyes to her father at the hospice.",
  "Wrote a farewell message to colleagues on her last day.",
  "The film ends when the hero says goodbye forever.",
  "Made a living will with her GP.",
  "Made his will clear to the team.",
  "Updated her will with her solicitor after the wedding.",
  "Putting his finances in order after the divorce.",
  "Caregiver burden is high.",
  "Her mother's illness is a burden on the family.",
  "Feels like a burden has been lifted since the diagnosis.",
  "I won't be around next week because I'm on holiday.",
  "The team would be fine without me while I'm on leave.",
  "There's no point arguing with him.",
  "There's no point going on about it.",
  "I can't go on the rollercoaster.",
  "Can't carry on working nights.",
  "I can't take this heat anymore.",
  "Can't stand my job anymore.",
  "Wants out of the relationship.",
  "Can't see a future with her boyfriend.",
  "There was no way out of the car park.",
  "Death is the only option left, the palliative team said of his father's cancer.",
  "Sick of living with my parents.",
  "Tired of living in this flat.",
  "Nobody would notice if I left early.",
  "Nobody noticed when I left the party.",
  "Hope she doesn't wake up the baby.",
  "Disappointed to wake up to rain again.",
  "Ended things with her boyfriend last month.",
  "Wants to end it with him.",
  "Looked up how to tie a tie.",
  "Collecting her lithium prescription from the pharmacy.",
  "Saved money on her meds by switching pharmacies.",
  "Stood on the edge of the cliff for a photo.",
  "Sat in the car with the engine running to keep warm.",
  "Jumped out of the window to escape the fire.",
  "Ran into traffic on the way here.",
  "Drove into a tree on the icy road.",
  "Discussed warning signs such as giving away possessions and feeling like a burden.",
  // look-alikes of self-injury and self-poisoning
  "Toddler swallowed a button battery.",
  "Accidentally drank bleach from an unlabeled bottle.",
  "Took two paracetamol for a headache.",
  "Took 30 mg of mirtazapine at night.",
  "Cut her finger chopping onions.",
  "Cut his arm on a nail at work.",
  "Superficial cuts to the hands from broken glass after a fall.",
  "Multiple lacerations after a car accident.",
  "Fresh cuts of meat in the fridge.",
  "New cuts to the mental health budget.",
  "Burned her arm on the oven door.",
  "Head banging at a metal concert.",
  "Banged his head on the cupboard door by accident.",
  "Slit lamp exam normal.",
  "Wears long sleeves because of her eczema.",
  "Blood-stained tissues after a nosebleed.",
  // look-alikes of harm to others and of abuse
  "Worried he'll kill the plants.",
  "Thoughts of shaking the baby's rattle.",
  "Brought a knife to the cooking class.",
  "Made the team pay for pizza.",
  "Revenge is a theme in the novel he is reading.",
  "Someone is going to get hurt if they don't fix the stairs.",
  "I know where he lives, we were neighbours.",
  "He hit the ball over the fence.",
  "He hit me by accident during football.",
  "He hits me up for money every week.",
  "He pushes me to do better at school.",
  "Dad touched her forehead to check for fever.",
  "Mum came into her room at night because she was scared of the thunder.",
  "My mom will kill me if I fail the exam.",
  "Forced him into sexual health screening.",
  "Touches her breast to check for lumps.",
  "Shaken baby syndrome education provided to parents.",
  "Bruises from her brother's bike crash.",
  "Locked in the bathroom for hours crying after the breakup.",
  "Not allowed to see her friends this weekend because she is grounded.",
  "Dad told her not to tell mum about the birthday present.",
  "Stalking her ex on Instagram.",
  "Scared to go home alone in the dark.",
  "Groomed the dog this morning.",
  // the new phrases denied
  "Denies giving away possessions, writing a will, or saying goodbye.",
  "No stockpiling, no researching of methods.",
  "Does not feel like a burden.",
  "Denies hopelessness, feeling like a burden, or wanting to die.",
  "No thoughts of smothering the baby.",
  "Denies being forced into sex.",
  "He has never hit me.",
  "Denies intentional ingestion.",
  "Denies cutting, burning, or head-banging.",
  "No fresh cuts.",
  "No unexplained bruising.",
  "No ligature marks.",
  "Denies any thoughts of ending it.",
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

  it("gives a US clinician the US crisis resources when detected, without the DV hotline unless abuse is found", () => {
    const result = assessCrisis({ symptoms: "Endorses SI with plan." }, "US");
    expect(result.resources.map((r) => r.name)).toEqual(["988 Suicide & Crisis Lifeline", "Crisis Text Line", "Emergency services"]);
    expect(result.resources.map((r) => r.contact).join(" ")).toMatch(/988.*741741.*911/);
    expect(result.resources.map((r) => r.name)).not.toContain(US_DV_HOTLINE);
  });

  it("adds the DV hotline for a US clinician when abuse is found", () => {
    const result = assessCrisis({ patient_context: "Partner strangled her two days ago." }, "US");
    expect(result.crisis_detected).toBe(true);
    const hotline = result.resources.find((r) => r.name === US_DV_HOTLINE);
    expect(hotline?.contact).toMatch(/1-800-799-7233/);
    expect(hotline?.contact).toMatch(/START to 88788/);
  });

  it("gives the international directories and no national number when the clinician's country is not known", () => {
    const result = assessCrisis({ patient_context: "Endorses SI. Partner strangled her two days ago." });
    const contacts = result.resources.map((r) => r.contact).join(" ");
    expect(contacts).toMatch(/findahelpline\.com/);
    expect(contacts).toMatch(/local emergency number/);
    expect(contacts).not.toMatch(/988|911|741741|799-7233/);
  });

  it("leaves the DV hotline out when the only abuse is historical", () => {
    // Current SI sets the crisis; abuse in childhood is listed but is not a present DV situation.
    const result = assessCrisis({ patient_context: "Endorses SI. Sexually abused by her uncle as a child." }, "US");
    expect(result.crisis_detected).toBe(true);
    expect(result.indicators).toContainEqual(expect.objectContaining({ category: "abuse", temporal: "historical" }));
    expect(result.resources.map((r) => r.name)).not.toContain(US_DV_HOTLINE);
  });

  it("returns fresh resources each time, so one caller's change cannot reach the next answer", () => {
    const result = assessCrisis({ symptoms: "Endorses SI." }, "US");
    const contact = result.resources[0].contact;
    result.resources[0].contact = "changed";
    expect(assessCrisis({ symptoms: "Endorses SI." }, "US").resources[0].contact).toBe(contact);
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

  it("keeps a contrast after a denial as its own evidence: 'denies intent, yet has been stockpiling pills'", () => {
    const result = assessCrisis({ symptoms: "Denies suicidal intent, yet has been stockpiling pills." });
    expect(result.crisis_detected).toBe(true);
    expect(result.indicators).toEqual([
      { category: "suicidal_ideation", field: "symptoms", evidence: "has been stockpiling pills.", temporal: "current", language: "en" },
    ]);
    // "not yet" is no contrast: the denial still reaches the attempt.
    expect(assessCrisis({ symptoms: "Pt has not yet made a suicide attempt." }).indicators).toEqual([]);
  });

  it("lists a preparatory act from years ago without raising a crisis, and raises one for last week's", () => {
    const past = assessCrisis({ patient_context: "Gave away his belongings before his attempt in 2015." });
    expect(past.crisis_detected).toBe(false);
    expect(past.indicators.length).toBeGreaterThan(0);
    expect(past.indicators.every((i) => i.temporal === "historical")).toBe(true);
    const recent = assessCrisis({ patient_context: "Gave away his belongings last week." });
    expect(recent.crisis_detected).toBe(true);
    expect(recent.indicators).toEqual([expect.objectContaining({ category: "suicidal_ideation", temporal: "recent" })]);
  });

  it("reads a weapon held to someone else as abuse, and to oneself as suicidal behaviour", () => {
    const other = assessCrisis({ symptoms: "He held a knife to her throat." }, "IE");
    expect(other.indicators.map((i) => i.category)).toEqual(["abuse"]);
    expect(other.resources.map((r) => r.name)).toContain("Women's Aid National Freephone Helpline");
    expect(assessCrisis({ symptoms: "She held a knife to her throat." }).indicators.map((i) => i.category)).toEqual(["suicidal_ideation"]);
  });

  it("reads a parent's report about their child as the patient's, a patient's report about theirs as family history", () => {
    expect(assessCrisis({ symptoms: "Dad says his son has been cutting himself." }).crisis_detected).toBe(true);
    expect(assessCrisis({ symptoms: "Patient says her son has been cutting himself." }).indicators).toEqual([]);
  });

  it("takes back a gerund that closes a denied list, not a predicate after a comma", () => {
    expect(assessCrisis({ symptoms: "Denies hopelessness, worthlessness, or wanting to die." }).indicators).toEqual([]);
    expect(assessCrisis({ symptoms: "No sleep, wanting to die." }).crisis_detected).toBe(true);
    expect(assessCrisis({ symptoms: "Denies SI, has been researching ways to die." }).crisis_detected).toBe(true);
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
