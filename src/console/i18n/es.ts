/** The console's Spanish strings (our own translations): every English id, so a missing one is a type error. */

import { esAdmin } from "./areas/admin.es";
import { esAssessments } from "./areas/assessments.es";
import { esCases } from "./areas/cases.es";
import { esClientFhir } from "./areas/client-fhir.es";
import { esClientNotes } from "./areas/client-notes.es";
import { esClients } from "./areas/clients.es";
import { esDiagnoses } from "./areas/diagnoses.es";
import { esFhir } from "./areas/fhir.es";
import { esInteractions } from "./areas/interactions.es";
import { esKnowledge } from "./areas/knowledge.es";
import { esMeasures } from "./areas/measures.es";
import { esMfa } from "./areas/mfa.es";
import { esNotes } from "./areas/notes.es";
import { esPages } from "./areas/pages.es";
import { esPasskeys } from "./areas/passkeys.es";
import { esPlan } from "./areas/plan.es";
import { esSafetyPlan } from "./areas/safety-plan.es";
import { esSaveToClient } from "./areas/save-to-client.es";
import { esSession } from "./areas/session.es";
import { esSettingsNotices } from "./areas/settings-notices.es";
import { esTabBar } from "./areas/tab-bar.es";
import { esTokens } from "./areas/tokens.es";
import { esVoice } from "./areas/voice.es";
import type { MessageId } from "./en";

export const es: Record<MessageId, string> = {
  "app.name": "Therapy Assistant",
  "layout.skip": "Saltar al contenido principal",
  "layout.tools": "Herramientas",
  "layout.signOut": "Cerrar sesión",
  "layout.needsVerification": "(requiere verificación)",
  "layout.disclaimer":
    "Solo apoyo a la decisión: Therapy Assistant nunca sustituye el juicio clínico. Las sugerencias citan sus fuentes; verifíquelas antes de actuar. En una emergencia, llame al número de emergencias local.",
  "verification.heading": "Se requiere verificación",
  "verification.student":
    "Esta herramienta es para profesionales con licencia (terapeutas, psiquiatras, psicólogos) cuya licencia ha verificado un administrador. Las cuentas de estudiante no pueden usarla.",
  "verification.clinician":
    "Un administrador debe verificar su licencia antes de que pueda usar esta herramienta. Revise los datos de su licencia en",
  "verification.clinicianEnd": "; se avisa a un administrador a través de la consola de administración.",
  "role.therapist": "Terapeuta",
  "role.psychiatrist": "Psiquiatra",
  "role.psychologist": "Psicólogo/a",
  "role.student": "Estudiante",
  "role.admin": "Administrador/a",
  "tool.dashboard": "Panel",
  "tool.dashboard.description": "Su cuenta y su actividad reciente.",
  "tool.diagnose": "Diagnóstico",
  "tool.diagnose.description": "Un diagnóstico diferencial a partir de síntomas, con fuentes.",
  "tool.treatment": "Tratamiento",
  "tool.treatment.description": "Opciones de tratamiento basadas en la evidencia para un diagnóstico.",
  "tool.cases": "Casos",
  "tool.cases.description": "Explore casos sintéticos y analice uno.",
  "tool.knowledge": "Conocimiento",
  "tool.knowledge.description": "Busque en la base de conocimiento clínico.",
  "tool.voice": "Voz",
  "tool.voice.description": "Grabe o suba el audio de una sesión para obtener una transcripción y métricas del habla.",
  "tool.assessments": "Evaluaciones",
  "tool.assessments.description": "Puntúe 14 instrumentos de cribado: PHQ-9, GAD-7, PCL-5, AUDIT, EPDS, C-SSRS y más.",
  "tool.interactions": "Interacciones",
  "tool.interactions.description": "Compruebe interacciones entre medicamentos, suplementos y sustancias.",
  "tool.notes": "Notas",
  "tool.notes.description": "Notas de sesión a partir de un texto o una transcripción.",
  "tool.admin": "Administración",
  "tool.admin.description": "Usuarios, verificación de licencias y registro de auditoría.",
  "tool.settings": "Configuración",
  "tool.settings.description": "Su perfil y su contraseña.",
  "login.title": "Iniciar sesión",
  "login.email": "Correo electrónico",
  "login.password": "Contraseña",
  "login.submit": "Iniciar sesión",
  "dashboard.signedIn": "Sesión iniciada",
  "dashboard.name": "Nombre",
  "dashboard.role": "Rol",
  "dashboard.verification": "Verificación",
  "dashboard.student": "Cuenta de estudiante: las herramientas clínicas requieren una licencia verificada",
  "dashboard.verified": "Licencia verificada",
  "dashboard.unverified": "Licencia aún no verificada: un administrador debe verificarla",
  "dashboard.locked": "Requiere una licencia verificada por un administrador.",
  "dashboard.activity": "Actividad reciente",
  "dashboard.noActivity": "Todavía no hay actividad.",
  "dashboard.activityCaption": "Sus acciones más recientes",
  "dashboard.when": "Cuándo (UTC)",
  "dashboard.action": "Acción",
  "dashboard.outcome": "Resultado",
  "crisis.heading": "Riesgo detectado: evalúe la seguridad ahora",
  "crisis.indicators": "Indicadores: {list}.",
  "crisis.plan": "Redactar un plan de seguridad",
  "answer.heading": "Respuesta",
  "form.patientContext": "Contexto del paciente",
  "diagnose.symptoms": "Síntomas",
  "diagnose.symptomsHint": "Lo que refiere el cliente y lo que usted observa. No introduzca nombres ni otros datos identificativos.",
  "diagnose.submit": "Analizar",
  "js.diagnose.required": "Introduzca los síntomas que desea analizar.",
  "js.diagnose.none": "Sin diagnóstico diferencial: ninguna afección de la base de conocimiento se ajusta bien a estos síntomas.",
  "js.diagnose.condition": "Afección",
  "js.diagnose.confidence": "Confianza",
  "js.diagnose.rationale": "Justificación",
  "js.diagnose.citations": "Citas",
  "js.diagnose.differential": "Diagnóstico diferencial",
  "treatment.diagnosis": "Diagnóstico",
  "treatment.submit": "Obtener plan de tratamiento",
  "js.treatment.required": "Introduzca el diagnóstico para el que desea planificar el tratamiento.",
  "js.treatment.modalities": "Modalidades",
  "js.treatment.goals": "Objetivos",
  "js.treatment.interventions": "Intervenciones",
  "js.treatment.measures": "Mediciones",
  "js.treatment.timeline": "Calendario",
  "js.treatment.evidence": "evidencia",
  "js.treatment.reviewBy": "Revisar antes del {date}.",
  "js.treatment.medication": "Consideraciones sobre la medicación",
  "js.answer.working": "Preparando la respuesta…",
  "js.answer.complete": "Respuesta completa.",
  "js.answer.completeOffline": "Respuesta completa (modo sin conexión).",
  "js.answer.offline":
    "Modo sin conexión: no hay ningún modelo de IA configurado, así que esta respuesta se basa solo en las fuentes recuperadas.",
  "js.answer.interrupted": "La respuesta se interrumpió antes de completarse. Reintente para volver a preguntar.",
  "js.answer.failed": "La respuesta falló.",
  "js.answer.connectionLost": "Se perdió la conexión antes de completar la respuesta. Compruebe su conexión y reintente.",
  "js.answer.retry": "Reintentar",
  "js.answer.signInAgain": "Volver a iniciar sesión",
  "js.answer.coverageLow":
    "Cobertura baja: nada en la base de conocimiento se ajusta bien a esta descripción. Las fuentes listadas son lecturas relacionadas, no una coincidencia, y no se ofrece ninguna afección en su lugar.",
  "js.answer.coveragePartial": "Cobertura parcial: las fuentes solo se ajustan a una parte de esta descripción. Valore lo que no cubren.",
  "js.answer.nearest": "Documentos más cercanos (ninguno se ajusta bien)",
  "js.answer.sources": "Fuentes",
  "js.answer.noSource": "Ninguna fuente de la base de conocimiento coincidió.",
  "js.crisis.heading": "Se encontraron indicadores de riesgo",
  "js.crisis.assess": "Evalúe la seguridad ahora ({list}). Recursos de crisis:",
  "js.crisis.plan": "Redactar un plan de seguridad",
  "js.export.button": "Exportar PDF",
  "js.export.preparing": "Preparando el PDF…",
  "js.export.failed": "La exportación falló ({status}).",
  "js.export.downloaded": "Descargado {name}.",
  "js.export.connectionLost": "Se perdió la conexión durante la exportación; inténtelo de nuevo.",
  "settings.profile": "Perfil",
  "settings.firstName": "Nombre",
  "settings.lastName": "Apellidos",
  "settings.organization": "Organización",
  "settings.licenseType": "Tipo de licencia",
  "settings.none": "Ninguno",
  "settings.licenseNumber": "Número de licencia",
  "settings.licenseState": "Estado o región de la licencia",
  "settings.licenseHint": "Si cambia los datos de la licencia, se envían a un administrador para que los verifique de nuevo.",
  "settings.country": "País",
  "settings.notSet": "Sin definir",
  "settings.countryUnlisted": "{country} (sin lista propia: directorios internacionales)",
  "settings.countryHint":
    "Los avisos de crisis muestran las líneas de crisis y el número de emergencias de este país. Sin definir: el país desde el que se conecta o, si no, directorios internacionales.",
  "settings.language": "Idioma",
  "settings.browserDefault": "Idioma del navegador",
  "settings.clientRetention": "Conservar los expedientes de clientes dados de alta durante (años)",
  "settings.clientRetentionHint":
    "De 1 a 30 años (7 por defecto). Cada día se eliminan, con sus notas, mediciones y plan, los expedientes de clientes dados de alta hace más tiempo. Compruebe lo que exigen su colegio profesional y la ley local.",
  "settings.saveProfile": "Guardar perfil",
  "settings.password": "Contraseña",
  "settings.currentPassword": "Contraseña actual",
  "settings.newPassword": "Contraseña nueva",
  "settings.passwordHint":
    "De 8 a 128 caracteres, con una minúscula, una mayúscula, un dígito y un símbolo. Al cambiarla se cierra su sesión en todas partes.",
  "settings.repeatPassword": "Repita la contraseña nueva",
  "settings.changePassword": "Cambiar contraseña",
  // Each page's strings live beside the others in areas/, so pages can change apart.
  ...esCases,
  ...esKnowledge,
  ...esVoice,
  ...esNotes,
  ...esSafetyPlan,
  ...esPages,
  ...esAssessments,
  ...esInteractions,
  ...esAdmin,
  ...esTokens,
  ...esPasskeys,
  ...esMfa,
  ...esSession,
  ...esTabBar,
  ...esMeasures,
  ...esClients,
  ...esClientNotes,
  ...esSettingsNotices,
  ...esSaveToClient,
  ...esDiagnoses,
  ...esPlan,
  ...esClientFhir,
  ...esFhir,
};
