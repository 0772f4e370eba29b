/**
 * The console's note editor (docs/api.md §8, §12), under /app/clients/{id}/notes: New note, a
 * draft's Save and Sign note, and a signed note's Add addendum. Each is the API's own use case,
 * so it is audited and refused exactly as over REST; input is checked by the API's zod schemas,
 * and a refused form comes back with the clinician's text and an error at each wrong field.
 */
import { Hono } from "hono";
import type { AppEnv } from "../../env";
import { ProblemError } from "../../lib/problem";
import { NOTE_SECTIONS } from "../../notes/notes.schemas";
import { may } from "../../policy/policy";
import { useCaseDeps } from "../../use-case/deps";
import { readClient } from "../../workspace/clients/clients.flow";
import { listTemplates } from "../../workspace/note-templates/note-templates.flow";
import { addAddendum, createNote, readNote, signNote, updateNote } from "../../workspace/notes/client-notes.flow";
import {
  AddendumBody,
  ClientIdParams,
  CreateNoteBody,
  latestSessionDate,
  NoteIdParams,
  UpdateNoteBody,
} from "../../workspace/notes/client-notes.schemas";
import { consoleLocale, t } from "../i18n/i18n";
import { NoWorkspacePage } from "../pages/workspace/clients-list";
import { NewNotePage, type NoteFormState, NotePage, type NoteView, type SectionField } from "../pages/workspace/note-editor";
import { isStandardFormat } from "../pages/workspace/note-format";
import { parsed } from "../parsed";
import { renderPage } from "../render";
import { type ConsoleContext, consoleMay, consoleSession, consoleSessionWith } from "../session";

export const clientNotePages = new Hono<AppEnv>();

const workspaceSession = consoleSessionWith(consoleMay("workspace"));
const noWorkspace = (c: ConsoleContext) => renderPage(c, <NoWorkspacePage account={c.var.account} csrfToken={c.var.csrfToken} />);
const localeOf = (c: ConsoleContext) => consoleLocale(c.var.account, c.req.header("accept-language"));
const clientIdOf = (c: ConsoleContext) => parsed(ClientIdParams.safeParse({ id: c.req.param("id") }), "path").id;
const noteIdsOf = (c: ConsoleContext) => parsed(NoteIdParams.safeParse({ id: c.req.param("id"), note_id: c.req.param("note_id") }), "path");

const NOTICES = ["created", "saved", "signed", "addendum"] as const;
const noticeOf = (c: ConsoleContext) => NOTICES.find((notice) => notice === c.req.query("done"));

async function templatesOf(c: ConsoleContext) {
  return (await listTemplates(useCaseDeps(c))).templates;
}

/** The sections a format writes, or undefined for a format that is neither standard nor one of the clinician's templates. */
function sectionsFor(format: string, templates: Awaited<ReturnType<typeof templatesOf>>): SectionField[] | undefined {
  if (isStandardFormat(format)) return NOTE_SECTIONS[format].map((name) => ({ name }));
  return templates.find((template) => template.id === format)?.sections;
}

/** Each field the API's checks refused, worded for the clinician: `session_date`, `format`, `section.<name>` or `total`. */
function formErrors(c: ConsoleContext, paths: ReadonlyArray<ReadonlyArray<PropertyKey>>): Record<string, string> {
  const locale = localeOf(c);
  const errors: Record<string, string> = {};
  for (const [field, name] of paths) {
    if (field === "session_date") errors.session_date = t(locale, "clientNotes.invalid.session_date");
    else if (field === "format") errors.format = t(locale, "clientNotes.invalid.format");
    else if (field === "sections" && typeof name === "string") errors[`section.${name}`] = t(locale, "clientNotes.invalid.section");
    else errors.total = t(locale, "clientNotes.invalid.total");
  }
  return errors;
}

/** A problem's `body.x.y` field paths as path arrays, for {@link formErrors}. */
const problemPaths = (error: ProblemError) => (error.problem.errors ?? []).map((e) => e.path.split(".").slice(1));

const isProblem = (error: unknown, status: number, code?: string): error is ProblemError =>
  error instanceof ProblemError && error.status === status && (code === undefined || error.problem.code === code);

function postedForm(form: Record<string, unknown>, sections: SectionField[]): NoteFormState {
  const text = (name: string) => (typeof form[name] === "string" ? (form[name] as string) : "");
  return {
    sessionDate: text("session_date"),
    sections: Object.fromEntries(sections.map(({ name }) => [name, text(`section_${name}`)])),
    errors: {},
  };
}

async function newNotePage(c: ConsoleContext, clientId: string, format: string, form: NoteFormState, status: 200 | 400 = 200) {
  const templates = await templatesOf(c);
  let sections = sectionsFor(format, templates);
  let errors = form.errors;
  if (!sections) {
    errors = { ...errors, format: t(localeOf(c), "clientNotes.invalid.format") };
    format = "soap";
    sections = sectionsFor(format, templates) ?? [];
  }
  return renderPage(
    c,
    <NewNotePage
      account={c.var.account}
      csrfToken={c.var.csrfToken}
      view={{
        clientId,
        format,
        templates: templates.map(({ id, name }) => ({ id, name })),
        sections,
        form: { ...form, errors },
        latestDate: latestSessionDate(),
      }}
    />,
    status,
  );
}

clientNotePages.get("/:id/notes/new", consoleSession, async (c) => {
  if (!may(c.var.account, "workspace")) return noWorkspace(c);
  const clientId = clientIdOf(c);
  await readClient(useCaseDeps(c), clientId);
  const today = new Date().toISOString().slice(0, 10);
  return newNotePage(c, clientId, c.req.query("format") ?? "soap", { sessionDate: today, sections: {}, errors: {} });
});

clientNotePages.post("/:id/notes", workspaceSession, async (c) => {
  const clientId = clientIdOf(c);
  const body = await c.req.parseBody();
  const format = typeof body.format === "string" ? body.format : "";
  const sections = sectionsFor(format, await templatesOf(c)) ?? [];
  const form = postedForm(body, sections);
  const refused = (paths: ReadonlyArray<ReadonlyArray<PropertyKey>>) =>
    newNotePage(c, clientId, format, { ...form, errors: formErrors(c, paths) }, 400);
  const input = CreateNoteBody.safeParse({ session_date: form.sessionDate, format, sections: form.sections });
  if (!input.success) return refused(input.error.issues.map((issue) => issue.path));
  try {
    const note = await createNote(useCaseDeps(c), clientId, input.data);
    return c.redirect(`/app/clients/${clientId}/notes/${note.id}?done=created`, 303);
  } catch (error) {
    if (!isProblem(error, 400)) throw error;
    return refused(problemPaths(error));
  }
});

async function notePage(c: ConsoleContext, view: Omit<NoteView, "templates" | "latestDate">, status: 200 | 400 | 409 = 200) {
  const templates = (await templatesOf(c)).map(({ id, name }) => ({ id, name }));
  return renderPage(
    c,
    <NotePage account={c.var.account} csrfToken={c.var.csrfToken} view={{ ...view, templates, latestDate: latestSessionDate() }} />,
    status,
  );
}

clientNotePages.get("/:id/notes/:note_id", consoleSession, async (c) => {
  if (!may(c.var.account, "workspace")) return noWorkspace(c);
  const { id, note_id } = noteIdsOf(c);
  const note = await readNote(useCaseDeps(c), id, note_id);
  return notePage(c, { clientId: id, note, notice: noticeOf(c) });
});

/** Save a draft: its session date and sections (the format is fixed once written). */
clientNotePages.post("/:id/notes/:note_id", workspaceSession, async (c) => {
  const { id, note_id } = noteIdsOf(c);
  const deps = useCaseDeps(c);
  const body = await c.req.parseBody();
  const note = await readNote(deps, id, note_id);
  if (note.status === "signed") return notePage(c, { clientId: id, note, notice: "locked" }, 409);
  const form = postedForm(
    body,
    Object.keys(note.sections).map((name) => ({ name })),
  );
  const refused = (paths: ReadonlyArray<ReadonlyArray<PropertyKey>>) =>
    notePage(c, { clientId: id, note, form: { ...form, errors: formErrors(c, paths) } }, 400);
  const input = UpdateNoteBody.safeParse({ session_date: form.sessionDate, sections: form.sections });
  if (!input.success) return refused(input.error.issues.map((issue) => issue.path));
  try {
    await updateNote(deps, id, note_id, input.data);
  } catch (error) {
    if (isProblem(error, 409, "note_signed"))
      return notePage(c, { clientId: id, note: await readNote(deps, id, note_id), notice: "locked" }, 409);
    if (!isProblem(error, 400)) throw error;
    return refused(problemPaths(error));
  }
  return c.redirect(`/app/clients/${id}/notes/${note_id}?done=saved`, 303);
});

/** Signs only with the confirmation box ticked; anything else shows the note again with the box's error. */
clientNotePages.post("/:id/notes/:note_id/sign", workspaceSession, async (c) => {
  const { id, note_id } = noteIdsOf(c);
  const deps = useCaseDeps(c);
  if ((await c.req.parseBody()).confirm !== "yes")
    return notePage(c, { clientId: id, note: await readNote(deps, id, note_id), signError: true }, 400);
  try {
    await signNote(deps, id, note_id);
  } catch (error) {
    if (!isProblem(error, 409, "note_signed")) throw error;
    return notePage(c, { clientId: id, note: await readNote(deps, id, note_id), notice: "locked" }, 409);
  }
  return c.redirect(`/app/clients/${id}/notes/${note_id}?done=signed`, 303);
});

clientNotePages.post("/:id/notes/:note_id/addenda", workspaceSession, async (c) => {
  const { id, note_id } = noteIdsOf(c);
  const deps = useCaseDeps(c);
  const posted = (await c.req.parseBody()).text;
  const text = typeof posted === "string" ? posted : "";
  const input = AddendumBody.safeParse({ text });
  if (!input.success) return notePage(c, { clientId: id, note: await readNote(deps, id, note_id), addendum: { text, error: true } }, 400);
  await addAddendum(deps, id, note_id, input.data);
  return c.redirect(`/app/clients/${id}/notes/${note_id}?done=addendum`, 303);
});
