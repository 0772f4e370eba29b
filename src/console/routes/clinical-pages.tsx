/** The console's clinical tool pages built on the API's AI flows; what their scripts call is in ../actions.ts. */
import { Hono } from "hono";
import type { AppEnv } from "../../env";
import { may } from "../../policy/policy";
import { useCaseDeps } from "../../use-case/deps";
import { listTemplates } from "../../workspace/note-templates/note-templates.flow";
import { clientChoices } from "../components/save-to-client";
import { DiagnosePage } from "../pages/diagnose";
import { NotesPage } from "../pages/notes";
import { TreatmentPage } from "../pages/treatment";
import { VoicePage } from "../pages/voice";
import { renderPage } from "../render";
import { consoleSession } from "../session";

export const clinicalPages = new Hono<AppEnv>();

clinicalPages.get("/diagnose", consoleSession, async (c) =>
  renderPage(c, <DiagnosePage account={c.var.account} csrfToken={c.var.csrfToken} clients={await clientChoices(c)} />),
);
clinicalPages.get("/treatment", consoleSession, async (c) =>
  renderPage(c, <TreatmentPage account={c.var.account} csrfToken={c.var.csrfToken} clients={await clientChoices(c)} />),
);
clinicalPages.get("/voice", consoleSession, (c) => renderPage(c, <VoicePage account={c.var.account} csrfToken={c.var.csrfToken} />));
clinicalPages.get("/notes", consoleSession, async (c) =>
  renderPage(
    c,
    <NotesPage
      account={c.var.account}
      csrfToken={c.var.csrfToken}
      clients={await clientChoices(c)}
      templates={may(c.var.account, "workspace") ? (await listTemplates(useCaseDeps(c))).templates : []}
    />,
  ),
);
