import { createRouter } from "../lib/openapi";
import {
  createDocumentHandler,
  getDocumentHandler,
  importDocumentHandler,
  listDisordersHandler,
  listTypesHandler,
  reembedHandler,
  removeDocumentHandler,
  searchHandler,
} from "./knowledge.handlers";
import { createDocument, disorders, getDocument, importDocument, reembed, removeDocument, search, types } from "./knowledge.routes";

export const knowledgeRouter = createRouter()
  .openapi(disorders, listDisordersHandler)
  .openapi(types, listTypesHandler)
  .openapi(getDocument, getDocumentHandler)
  .openapi(search, searchHandler)
  .openapi(createDocument, createDocumentHandler)
  .openapi(importDocument, importDocumentHandler)
  .openapi(removeDocument, removeDocumentHandler)
  .openapi(reembed, reembedHandler);
