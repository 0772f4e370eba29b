/**
 * The console's client records (docs/api.md §8, §12): the list, New client, the client page (the
 * workspace hub: timeline, measures, plan), its edits (details, discharge, re-admit) and the
 * deletion with its confirmation. Every read and write is the API's own use case, so each is
 * audited and refused exactly as over REST; input is checked by the API's zod schemas, and a
 * refused form comes back with the clinician's values and an error at each wrong field.
 */
import { Hono } from "hono";
import type { AppEnv } from "../../env";
import { ProblemError } from "../../lib/problem";
import { may } from "../../policy/policy";
import { useCaseDeps } from "../../use-case/deps";
import { createClient, deleteClient, listClients, readClient, updateClient } from "../../workspace/clients/clients.flow";
import { type Client, ClientIdParams, ClientListQuery, CreateClientBody, UpdateClientBody } from "../../workspace/clients/clients.schemas";
import { changeDiagnosisVerification } from "../../workspace/diagnoses/diagnoses.flow";
import { DiagnosisParams, UpdateDiagnosisBody } from "../../workspace/diagnoses/diagnoses.schemas";
import { consoleLocale, type MessageId, t } from "../i18n/i18n";
import { CLIENT_FIELDS, type ClientField, type ClientFormState, emptyClientForm } from "../pages/workspace/client-fields";
import { ClientPage, DeleteClientPage } from "../pages/workspace/client-page";
import { ClientsPage, NewClientPage, NoWorkspacePage } from "../pages/workspace/clients-list";
import { filledQuery, parsed } from "../parsed";
import { renderPage } from "../render";
import { type ConsoleContext, consoleMay, consoleSession, consoleSessionWith } from "../session";
import { clientRecord } from "./client-record";

export const clientPages = new Hono<AppEnv>();

/** Writes need the workspace (a 403 page otherwise); pages explain instead why there is none. */
const workspaceSession = consoleSessionWith(consoleMay("workspace"));
const hasWorkspace = (c: ConsoleContext) => may(c.var.account, "workspace");
const noWorkspace = (c: ConsoleContext) => renderPage(c, <NoWorkspacePage account={c.var.account} csrfToken={c.var.csrfToken} />);
const localeOf = (c: ConsoleContext) => consoleLocale(c.var.account, c.req.header("accept-language"));

const INVALID: Record<ClientField, MessageId> = {
  label: "clients.invalid.label",
  year_of_birth: "clients.invalid.year_of_birth",
  sex: "clients.invalid.sex",
  gender: "clients.invalid.gender",
  pronouns: "clients.invalid.pronouns",
  preferred_language: "clients.invalid.preferred_language",
};

/** The posted fields as typed (a file or a missing field is empty), kept to show again if the save is refused. */
function formValues(form: Record<string, unknown>): ClientFormState["values"] {
  return Object.fromEntries(
    CLIENT_FIELDS.map((field) => [field, typeof form[field] === "string" ? (form[field] as string) : ""]),
  ) as ClientFormState["values"];
}

/**
 * The API body the form stands for: an empty field is left out of a new client and clears the
 * field of an existing one; a year in digits is a number (anything else stays text for the
 * schema to refuse).
 */
function clientInput(values: ClientFormState["values"], mode: "create" | "update"): Record<string, unknown> {
  const input: Record<string, unknown> = { label: values.label };
  for (const field of CLIENT_FIELDS) {
    if (field === "label") continue;
    const value = values[field].trim();
    if (value === "") {
      if (mode === "update") input[field] = null;
    } else input[field] = field === "year_of_birth" && /^\d{1,4}$/.test(value) ? Number(value) : value;
  }
  return input;
}

/** One message per wrong field, in the clinician's language. */
function fieldErrors(c: ConsoleContext, issues: ReadonlyArray<{ path: PropertyKey[] }>): ClientFormState["errors"] {
  const errors: ClientFormState["errors"] = {};
  for (const issue of issues) {
    const field = issue.path[0] as ClientField;
    if (CLIENT_FIELDS.includes(field)) errors[field] = t(localeOf(c), INVALID[field]);
  }
  return errors;
}

const isLabelTaken = (error: unknown) => error instanceof ProblemError && error.problem.code === "label_taken";

const formOf = (client: Client): ClientFormState => ({
  values: {
    label: client.label,
    year_of_birth: client.year_of_birth === null ? "" : String(client.year_of_birth),
    sex: client.sex ?? "",
    gender: client.gender ?? "",
    pronouns: client.pronouns ?? "",
    preferred_language: client.preferred_language ?? "",
  },
  errors: {},
});

const clientIdOf = (c: ConsoleContext) => parsed(ClientIdParams.safeParse(c.req.param()), "path").id;

clientPages.get("/", consoleSession, async (c) => {
  if (!hasWorkspace(c)) return noWorkspace(c);
  const query = parsed(ClientListQuery.safeParse(filledQuery(c.req.query())), "query");
  const { clients, next_cursor } = await listClients(useCaseDeps(c), query);
  const next = new URLSearchParams({ ...(query.q ? { q: query.q } : {}), ...(query.status ? { status: query.status } : {}) });
  if (next_cursor) next.set("cursor", next_cursor);
  return renderPage(
    c,
    <ClientsPage
      account={c.var.account}
      csrfToken={c.var.csrfToken}
      view={{
        q: query.q,
        status: query.status,
        clients,
        nextPage: next_cursor ? `/app/clients?${next}` : null,
        deleted: c.req.query("deleted") === "1",
      }}
    />,
  );
});

const newClientPage = (c: ConsoleContext, form: ClientFormState, status: 200 | 400 | 409 = 200) =>
  renderPage(c, <NewClientPage account={c.var.account} csrfToken={c.var.csrfToken} form={form} />, status);

clientPages.get("/new", consoleSession, (c) => (hasWorkspace(c) ? newClientPage(c, emptyClientForm()) : noWorkspace(c)));

clientPages.post("/", workspaceSession, async (c) => {
  const values = formValues(await c.req.parseBody());
  const body = CreateClientBody.safeParse(clientInput(values, "create"));
  if (!body.success) return newClientPage(c, { values, errors: fieldErrors(c, body.error.issues) }, 400);
  try {
    const client = await createClient(useCaseDeps(c), body.data);
    return c.redirect(`/app/clients/${client.id}`, 303);
  } catch (error) {
    if (!isLabelTaken(error)) throw error;
    return newClientPage(c, { values, errors: { label: t(localeOf(c), "clients.labelTaken") } }, 409);
  }
});

async function clientPage(c: ConsoleContext, client: Client, form: ClientFormState, status: 200 | 400 | 409 = 200) {
  const record = await clientRecord(useCaseDeps(c), client.id);
  return renderPage(
    c,
    <ClientPage account={c.var.account} csrfToken={c.var.csrfToken} view={{ client, record, form, saved: c.req.query("saved") === "1" }} />,
    status,
  );
}

clientPages.get("/:id", consoleSession, async (c) => {
  if (!hasWorkspace(c)) return noWorkspace(c);
  const client = await readClient(useCaseDeps(c), clientIdOf(c));
  return clientPage(c, client, formOf(client));
});

/** Edit details, Discharge or Re-admit (the form's `intent`). */
clientPages.post("/:id", workspaceSession, async (c) => {
  const id = clientIdOf(c);
  const form = await c.req.parseBody();
  const deps = useCaseDeps(c);
  if (form.intent === "discharge" || form.intent === "readmit") {
    await updateClient(deps, id, { status: form.intent === "discharge" ? "discharged" : "active" });
    return c.redirect(`/app/clients/${id}`, 303);
  }
  if (form.intent !== "details")
    throw new ProblemError(400, { code: "validation_error", detail: "This form asked for a change the client page does not make." });
  const values = formValues(form);
  const body = UpdateClientBody.safeParse(clientInput(values, "update"));
  const refused = async (errors: ClientFormState["errors"], status: 400 | 409) =>
    clientPage(c, await readClient(deps, id), { values, errors }, status);
  if (!body.success) return refused(fieldErrors(c, body.error.issues), 400);
  try {
    await updateClient(deps, id, body.data);
  } catch (error) {
    if (!isLabelTaken(error)) throw error;
    return refused({ label: t(localeOf(c), "clients.labelTaken") }, 409);
  }
  return c.redirect(`/app/clients/${id}?saved=1`, 303);
});

const deletePage = (c: ConsoleContext, client: Client, error?: boolean) =>
  renderPage(c, <DeleteClientPage account={c.var.account} csrfToken={c.var.csrfToken} client={client} error={error} />, error ? 400 : 200);

clientPages.get("/:id/delete", consoleSession, async (c) => {
  if (!hasWorkspace(c)) return noWorkspace(c);
  return deletePage(c, await readClient(useCaseDeps(c), clientIdOf(c)));
});

/** Deletes only with the confirmation box ticked; anything else shows the confirmation again. */
clientPages.post("/:id/delete", workspaceSession, async (c) => {
  const id = clientIdOf(c);
  const deps = useCaseDeps(c);
  if ((await c.req.parseBody()).confirm !== "yes") return deletePage(c, await readClient(deps, id), true);
  await deleteClient(deps, id);
  return c.redirect("/app/clients?deleted=1", 303);
});

/** A recorded diagnosis's status changed on the client page (confirmed, refuted…). */
clientPages.post("/:id/diagnoses/:diagnosis_id", workspaceSession, async (c) => {
  const params = DiagnosisParams.safeParse(c.req.param());
  if (!params.success) throw new ProblemError(404, { code: "not_found", detail: "There is no console page at this address." });
  const form = await c.req.parseBody();
  const body = UpdateDiagnosisBody.safeParse({ verification: form.verification });
  if (!body.success)
    throw new ProblemError(400, { code: "validation_error", detail: body.error.issues.map((issue) => issue.message).join(" ") });
  await changeDiagnosisVerification(useCaseDeps(c), params.data.id, params.data.diagnosis_id, body.data.verification);
  return c.redirect(`/app/clients/${params.data.id}#diagnoses`, 303);
});
