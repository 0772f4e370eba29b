/**
 * The safety plan's sections, in the order of the Stanley–Brown Safety Planning Intervention
 * (Stanley B, Brown GK. Safety Planning Intervention: a brief intervention to mitigate suicide
 * risk. Cognitive and Behavioral Practice 2012;19(2):256–264, doi:10.1016/j.cbpra.2011.01.001),
 * and their printed labels in the five languages a plan is printed in. The labels are our own
 * short wording of each step, translated by us; they are headings, not clinical text.
 */

export const SAFETY_PLAN_SECTIONS = [
  "warning_signs",
  "coping_strategies",
  "social_distractions",
  "people_to_ask",
  "professionals_and_agencies",
  "safe_environment",
  "reasons_for_living",
] as const;
export type SafetyPlanSection = (typeof SAFETY_PLAN_SECTIONS)[number];

export const PLAN_LANGUAGES = ["en", "es", "fr", "de", "pt"] as const;
export type PlanLanguage = (typeof PLAN_LANGUAGES)[number];

export interface PlanLabels {
  title: string;
  sections: Record<SafetyPlanSection, string>;
  /** What an empty section says: the plan is made with the client, never invented for them. */
  toComplete: string;
  /** The subheading of the crisis lines inside the professionals and agencies step. */
  crisisLines: string;
}

export const PLAN_LABELS: Record<PlanLanguage, PlanLabels> = {
  en: {
    title: "Safety plan",
    sections: {
      warning_signs: "Warning signs",
      coping_strategies: "Internal coping strategies",
      social_distractions: "People and social settings that provide distraction",
      people_to_ask: "People I can ask for help",
      professionals_and_agencies: "Professionals and agencies to contact in a crisis",
      safe_environment: "Making the environment safe",
      reasons_for_living: "Reasons for living",
    },
    toComplete: "To complete with the client.",
    crisisLines: "Crisis lines",
  },
  es: {
    title: "Plan de seguridad",
    sections: {
      warning_signs: "Señales de alerta",
      coping_strategies: "Estrategias internas de afrontamiento",
      social_distractions: "Personas y lugares sociales que ayudan a distraerse",
      people_to_ask: "Personas a las que puedo pedir ayuda",
      professionals_and_agencies: "Profesionales y servicios a los que acudir en una crisis",
      safe_environment: "Hacer seguro el entorno",
      reasons_for_living: "Razones para vivir",
    },
    toComplete: "Por completar con el cliente.",
    crisisLines: "Líneas de crisis",
  },
  fr: {
    title: "Plan de sécurité",
    sections: {
      warning_signs: "Signes d'alerte",
      coping_strategies: "Stratégies d'adaptation personnelles",
      social_distractions: "Personnes et lieux sociaux qui aident à se distraire",
      people_to_ask: "Personnes à qui demander de l'aide",
      professionals_and_agencies: "Professionnels et services à contacter en cas de crise",
      safe_environment: "Sécuriser l'environnement",
      reasons_for_living: "Raisons de vivre",
    },
    toComplete: "À compléter avec le client.",
    crisisLines: "Lignes d'écoute de crise",
  },
  de: {
    title: "Sicherheitsplan",
    sections: {
      warning_signs: "Warnzeichen",
      coping_strategies: "Eigene Bewältigungsstrategien",
      social_distractions: "Menschen und Orte, die ablenken",
      people_to_ask: "Menschen, die ich um Hilfe bitten kann",
      professionals_and_agencies: "Fachleute und Stellen für den Krisenfall",
      safe_environment: "Die Umgebung sicher machen",
      reasons_for_living: "Gründe zu leben",
    },
    toComplete: "Gemeinsam mit dem Klienten auszufüllen.",
    crisisLines: "Krisentelefone",
  },
  pt: {
    title: "Plano de segurança",
    sections: {
      warning_signs: "Sinais de alerta",
      coping_strategies: "Estratégias internas de enfrentamento",
      social_distractions: "Pessoas e ambientes sociais que ajudam a distrair",
      people_to_ask: "Pessoas a quem posso pedir ajuda",
      professionals_and_agencies: "Profissionais e serviços a contactar numa crise",
      safe_environment: "Tornar o ambiente seguro",
      reasons_for_living: "Razões para viver",
    },
    toComplete: "A completar com o cliente.",
    crisisLines: "Linhas de crise",
  },
};
