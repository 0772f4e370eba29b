/**
 * Vocabulary shared by the rules and the engine, as regex source fragments. Each is one
 * non-capturing group of plain alternatives, so it can be spliced into any pattern.
 */

export const REFLEX = "(?:(?:him|her|my|them|your|our|one)sel(?:f|ves)|themself)";
export const POSS = "(?:his|her|my|their|your)";
export const BODY = "(?:wrists?|arms?|forearms?|legs?|thighs?|skin|stomach|abdomen|belly|body|hips?|chest|ankles?)";

/** People who can abuse someone (partner, family, carers). */
export const PERP =
  "(?:ex-?(?:husband|wife|boyfriend|girlfriend|partner|spouse)|partner|husband|hubby|wife|spouse|boyfriend|girlfriend|fianc[eé]e?|ex|" +
  "step-?(?:father|dad|mother|mom)|stepfather|stepdad|stepmother|stepmom|father|dad|mother|mom|mum|parents?|caregivers?|caretakers?|guardian|" +
  "uncle|aunt|grandfather|grandmother|grandpa|grandma|brother|sister|son|daughter|cousin|babysitter|coach|teacher|priest|pastor|roommate|pimp|trafficker|abuser|perpetrator)";

/** Third parties whose suicidality or self-harm is not the patient's. */
export const KIN =
  "(?:mother|mom|mum|father|dad|step-?(?:father|mother|dad|mom)|stepfather|stepmother|stepdad|stepmom|parents?|brothers?|sisters?|siblings?|sons?|daughters?|" +
  "aunts?|uncles?|cousins?|nieces?|nephews?|grand(?:mother|father|parent|ma|pa|son|daughter)s?|husband|wife|spouse|partner|boyfriend|girlfriend|fianc[eé]e?|" +
  "ex-?(?:husband|wife|boyfriend|girlfriend|partner)|friends?|roommates?|classmates?|peers?|co-?workers?|neighbou?rs?|relatives?|family\\s+members?)";

export const NUM =
  "(?:\\d+|an?|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|(?:a\\s+)?few|several|(?:a\\s+)?couple(?:\\s+of)?|many)";
export const UNIT = "(?:hours?|hrs?|days?|nights?|weeks?|wks?|weekends?|months?|mos?|years?|yrs?|decades?)";

export const SUBSTANCE =
  "(?:alcohol|etoh|substances?|drugs?|opioids?|opiates?|benzo(?:diazepine)?s?|stimulants?|cocaine|crack|meth(?:amphetamines?)?|amphetamines?|cannabis|marijuana|thc|" +
  "polysubstance|prescriptions?|medications?|meds|laxatives?|inhalants?|nicotine|tobacco|heroin|fentanyl|steroids?|xanax|pills?|narcotics?|analgesics?|sedatives?|" +
  "ketamine|kratom|caffeine|gabapentin|adderall|oxycodone|hydrocodone|painkillers?|pain\\s+(?:pills|medications?))";

/** Medicines people take in overdose or save up for one, by class and by the names patients use. */
export const MEDS =
  "(?:pills|tablets|tabs|capsules|meds|medications?|medicines?|paracetamols?|acetaminophen|tylenol|panadol|ibuprofen|aspirin|co-?codamol|codeine|tramadol|" +
  "oxycodone|oxy(?:contin)?|opioids|opiates|painkillers|pain\\s+(?:pills|killers)|sleeping\\s+(?:pills|tablets)|antidepressants|sertraline|fluoxetine|citalopram|" +
  "amitriptyline|quetiapine|olanzapine|lithium|diazepam|zopiclone|benzos|xanax|benadryl|insulin)";

/** Household poisons and objects swallowed to self-harm (the non-drug ingestions in self-poisoning series). */
export const TOXIC =
  "(?:bleach|batter(?:y|ies)|button\\s+batter(?:y|ies)|anti-?freeze|detergent|laundry\\s+(?:pods?|capsules?|tablets?|liquid)|washing[-\\s]up\\s+liquid|" +
  "pesticides?|insecticides?|weed\\s?killer|paraquat|rat\\s+poison|poison|drain\\s+cleaner|oven\\s+cleaner|toilet\\s+cleaner|disinfectant|caustic\\s+soda|lye|" +
  "cleaning\\s+(?:fluid|products?|liquid|chemicals?)|household\\s+chemicals?|razor\\s+blades?|blades|screws|nails|pins|needles|broken\\s+glass|magnets|" +
  "lighter\\s+fluid|methanol|ethylene\\s+glycol|white\\s+spirit|turpentine|petrol|gasoline|kerosene|hand\\s+saniti[sz]er)";

/** Places people jump from. */
export const HEIGHT =
  "(?:bridge|building|roof|rooftop|balcony|cliff|overpass|viaduct|parking\\s+garage|car\\s+park|multi-?stor(?:e)?y|tower|window|ledge|height|stairwell|" +
  "(?:first|second|third|fourth|fifth|sixth|seventh|eighth|ninth|tenth|top|\\d+(?:st|nd|rd|th))[-\\s](?:floor|storey|story)(?:\\s+window)?)";

/** A subject pronoun, bare and with "be": the person a passive wish or a "when I'm gone" is about. */
export const SUBJECT = "(?:I|he|she|they)";
export const BE_SUBJECT = "(?:I'm|I\\s+am|he's|he\\s+is|she's|she\\s+is|they're|they\\s+are)";
