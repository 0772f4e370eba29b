/** The console's Spanish strings for session hygiene (our own translations): every English id, so a missing one is a type error. */
import type { enSession } from "./session.en";

export const esSession: Record<keyof typeof enSession, string> = {
  "session.idleWarning": "Se cerrará su sesión en 60 segundos",
  "session.idleWarningDetail":
    "No ha habido actividad en esta página durante un tiempo. Un equipo desatendido cierra la sesión para proteger la información de los clientes.",
  "session.staySignedIn": "Seguir conectado",
  "session.idleSignedOut": "Sesión cerrada tras {minutes} minutos de inactividad.",
  "session.idleSignedOutOne": "Sesión cerrada tras 1 minuto de inactividad.",
  "session.everywhereHeading": "Cerrar sesión en todas partes",
  "session.everywhereIntro":
    "Cierra todas las sesiones de su cuenta: este navegador, otros equipos y teléfonos, y las aplicaciones que iniciaron sesión con su contraseña. Los tokens de acceso personal siguen funcionando; revóquelos más arriba.",
  "session.everywhereButton": "Cerrar sesión en todas partes",
  "session.signedOutEverywhere": "Sesión cerrada en todas partes. Inicie sesión de nuevo para continuar.",
};
