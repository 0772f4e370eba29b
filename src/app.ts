/** Composes the cross-cutting middleware (the rules every route follows, docs/api.md) and the feature routers. */
import { methodNotAllowed } from "hono/method-not-allowed";
import { adminRouter } from "./admin/admin.index";
import { assessmentsRouter } from "./assessments/assessments.index";
import { authRouter } from "./auth/auth.index";
import { casesRouter } from "./cases/cases.index";
import { consoleRouter } from "./console/console.index";
import { crisisResourcesRouter } from "./crisis-resources/crisis-resources.index";
import { mountDocs } from "./docs";
import { fhirRouter } from "./fhir/fhir.index";
import { interactionsRouter } from "./interactions/interactions.index";
import { knowledgeRouter } from "./knowledge/knowledge.index";
import { limitBody } from "./lib/body-limit";
import { conventions } from "./lib/conventions";
import { handleError, handleNotFound, methodNotAllowedProblem } from "./lib/error-handler";
import { createRouter } from "./lib/openapi";
import { noStore } from "./lib/response-headers";
import { mcpRouter } from "./mcp/mcp.index";
import { notesRouter } from "./notes/notes.index";
import { ragRouter } from "./rag/rag.index";
import { reportsRouter } from "./reports/reports.index";
import { safetyPlansRouter } from "./safety-plans/safety-plans.index";
import { systemRouter } from "./system/system.index";
import { voiceRouter } from "./voice/voice.index";
import { workspaceRouter } from "./workspace/workspace.index";

export const app = createRouter();

app.use(conventions);
app.use(methodNotAllowed({ app, onMethodNotAllowed: methodNotAllowedProblem }));
app.use(limitBody);
// Clinical content: knowledge, RAG, cases, assessments (all under /api/v1), voice and MCP.
app.use("/api/v1/*", noStore);
app.use("/voice/*", noStore);
app.use("/mcp", noStore);

// One chained expression, so that every router's route types accumulate into AppType (the typed test client's source).
const routes = app
  .route("/", systemRouter)
  .route("/api/auth", authRouter)
  .route("/api/admin", adminRouter)
  .route("/api/v1", knowledgeRouter)
  .route("/api/v1", ragRouter)
  .route("/api/v1", assessmentsRouter)
  .route("/api/v1", casesRouter)
  .route("/api/v1", interactionsRouter)
  .route("/api/v1", crisisResourcesRouter)
  .route("/api/v1", notesRouter)
  .route("/api/v1", reportsRouter)
  .route("/api/v1", safetyPlansRouter)
  .route("/api/v1", workspaceRouter)
  .route("/api/v1", fhirRouter)
  .route("/voice", voiceRouter);
// JSON-RPC, not an OpenAPI route: outside AppType and the OpenAPI document.
app.route("/mcp", mcpRouter);
mountDocs(app);
// The clinician console (HTML pages, cookie sessions); outside AppType: the typed client is for the JSON API.
app.route("/app", consoleRouter);

app.notFound(handleNotFound);
app.onError(handleError);

export type AppType = typeof routes;
