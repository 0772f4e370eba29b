/** The clinician workspace's routes (docs/api.md §12), each sub-feature in its own folder. */
import { createRouter } from "../lib/openapi";
import {
  createClientHandler,
  deleteClientHandler,
  listClientsHandler,
  readClientHandler,
  updateClientHandler,
} from "./clients/clients.handlers";
import { createClientRoute, deleteClientRoute, listClientsRoute, readClientRoute, updateClientRoute } from "./clients/clients.routes";
import { listDiagnosesHandler, recordDiagnosisHandler, updateDiagnosisHandler } from "./diagnoses/diagnoses.handlers";
import { listDiagnosesRoute, recordDiagnosisRoute, updateDiagnosisRoute } from "./diagnoses/diagnoses.routes";
import { createMeasureHandler, listMeasuresHandler } from "./measures/measures.handlers";
import { createMeasureRoute, listMeasuresRoute } from "./measures/measures.routes";
import { createTemplateHandler, deleteTemplateHandler, listTemplatesHandler } from "./note-templates/note-templates.handlers";
import { createTemplateRoute, deleteTemplateRoute, listTemplatesRoute } from "./note-templates/note-templates.routes";
import {
  addAddendumHandler,
  createNoteHandler,
  listNotesHandler,
  readNoteHandler,
  signNoteHandler,
  updateNoteHandler,
} from "./notes/client-notes.handlers";
import {
  addAddendumRoute,
  createNoteRoute,
  listNotesRoute,
  readNoteRoute,
  signNoteRoute,
  updateNoteRoute,
} from "./notes/client-notes.routes";
import { changeGoalHandler, readPlanHandler, replacePlanHandler } from "./plan/plan.handlers";
import { changeGoalRoute, readPlanRoute, replacePlanRoute } from "./plan/plan.routes";

export const workspaceRouter = createRouter()
  .openapi(createClientRoute, createClientHandler)
  .openapi(listClientsRoute, listClientsHandler)
  .openapi(readClientRoute, readClientHandler)
  .openapi(updateClientRoute, updateClientHandler)
  .openapi(deleteClientRoute, deleteClientHandler)
  .openapi(createMeasureRoute, createMeasureHandler)
  .openapi(listMeasuresRoute, listMeasuresHandler)
  .openapi(createNoteRoute, createNoteHandler)
  .openapi(listNotesRoute, listNotesHandler)
  .openapi(readNoteRoute, readNoteHandler)
  .openapi(updateNoteRoute, updateNoteHandler)
  .openapi(signNoteRoute, signNoteHandler)
  .openapi(addAddendumRoute, addAddendumHandler)
  .openapi(readPlanRoute, readPlanHandler)
  .openapi(replacePlanRoute, replacePlanHandler)
  .openapi(changeGoalRoute, changeGoalHandler)
  .openapi(recordDiagnosisRoute, recordDiagnosisHandler)
  .openapi(listDiagnosesRoute, listDiagnosesHandler)
  .openapi(updateDiagnosisRoute, updateDiagnosisHandler)
  .openapi(listTemplatesRoute, listTemplatesHandler)
  .openapi(createTemplateRoute, createTemplateHandler)
  .openapi(deleteTemplateRoute, deleteTemplateHandler);
