/** Composes the cross-cutting middleware (the rules every route follows, docs/api.md) and the feature routers. */
import { cors } from "hono/cors";
import { methodNotAllowed } from "hono/method-not-allowed";
import { requestId } from "hono/request-id";
import { secureHeaders } from "hono/secure-headers";
import { timing } from "hono/timing";
import { adminRouter } from "./admin/admin.index";
import { assessmentsRouter } from "./assessments/assessments.index";
import { authRouter } from "./auth/auth.index";
import { casesRouter } from "./cases/cases.index";
import { consoleRouter } from "./console/console.index";
import { mountDocs } from "./docs";
import { interactionsRouter } from "./interactions/interactions.index";
import { knowledgeRouter } from "./knowledge/knowledge.index";
import { limitBody } from "./lib/body-limit";
import { handleError, handleNotFound, methodNotAllowedProblem } from "./lib/error-handler";
import { createRouter } from "./lib/openapi";
import { requestContext } from "./lib/request-context";
import { jsonCharset, noStore } from "./lib/response-headers";
import { readSettings } from "./lib/settings";
import { notesRouter } from "./notes/notes.index";
import { ragRouter } from "./rag/rag.index";
import { reportsRouter } from "./reports/reports.index";
import { systemRouter } from "./system/system.index";
import { voiceRouter } from "./voice/voice.index";

export const app = createRouter();

app.use(requestId({ headerName: "X-Request-Id", limitLength: 128 }));
app.use(timing({ crossOrigin: false }));
app.use(secureHeaders());
app.use(
  cors({
    origin: (origin, c) => (readSettings(c.env).corsOrigins.includes(origin) ? origin : null),
    allowHeaders: ["Authorization", "Content-Type", "X-Request-Id"],
    exposeHeaders: ["X-Request-Id", "Server-Timing", "Retry-After"],
    maxAge: 600,
  }),
);
app.use(requestContext);
app.use(methodNotAllowed({ app, onMethodNotAllowed: methodNotAllowedProblem }));
app.use(limitBody);
app.use(jsonCharset);
// Clinical content: knowledge, RAG, cases, assessments (all under /api/v1) and voice.
app.use("/api/v1/*", noStore);
app.use("/voice/*", noStore);

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
  .route("/api/v1", notesRouter)
  .route("/api/v1", reportsRouter)
  .route("/voice", voiceRouter);
mountDocs(app);
// The clinician console (HTML pages, cookie sessions); outside AppType: the typed client is for the JSON API.
app.route("/app", consoleRouter);

app.notFound(handleNotFound);
app.onError(handleError);

export type AppType = typeof routes;
