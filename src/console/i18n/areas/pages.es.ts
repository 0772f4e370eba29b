/** The console's Spanish strings for the shared pages (our own translations): every English id, so a missing one is a type error. */
import type { enPages } from "./pages.en";

export const esPages: Record<keyof typeof enPages, string> = {
  "pages.error.notFound": "Página no encontrada",
  "pages.error.failed": "Algo salió mal",
  "pages.error.didNotWork": "No se pudo completar",
  "pages.error.signInAgain": "Inicie sesión de nuevo",
  "pages.error.requestId": "Id de la solicitud: {id}",
  "pages.error.back": "Volver al panel",
  "pages.logout.confirm": "¿Cerrar la sesión de Therapy Assistant en este dispositivo?",
  "pages.logout.submit": "Cerrar sesión ahora",
  "pages.document.back": "Buscar en la base de conocimiento",
  "pages.document.type": "Tipo",
  "pages.document.disorder": "Trastorno",
  "pages.document.category": "Categoría",
  "pages.document.evidenceLevel": "Nivel de evidencia",
  "pages.document.source": "Fuente",
  "pages.nextPage": "Página siguiente",
};
