import { createRouter } from "../lib/openapi";
import { analyzeHandler, healthHandler, transcribeHandler } from "./voice.handlers";
import { analyze, transcribe, voiceHealth } from "./voice.routes";

export const voiceRouter = createRouter()
  .openapi(transcribe, transcribeHandler)
  .openapi(analyze, analyzeHandler)
  .openapi(voiceHealth, healthHandler);
