// @ts-check
/**
 * /app/voice: once consent is ticked, record with MediaRecorder or pick a file; the audio is sent
 * for transcription and analysis, and the transcript can be carried to /app/diagnose.
 */
import { crisisBanner, DIAGNOSE_PREFILL_KEY, el, NOTE_PREFILL_KEY } from "./answer.js";
import { csrfToken } from "./console.js";
import { msg } from "./messages.js";

const find = (/** @type {string} */ id) => /** @type {any} */ (document.getElementById(id));
const consent = /** @type {HTMLInputElement} */ (find("consent"));
const controls = /** @type {HTMLFieldSetElement} */ (find("voice-controls"));
const record = /** @type {HTMLButtonElement} */ (find("record"));
const stop = /** @type {HTMLButtonElement} */ (find("stop"));
const uploadForm = /** @type {HTMLFormElement} */ (find("upload-form"));
const fileInput = /** @type {HTMLInputElement} */ (find("audio-file"));
const alerts = /** @type {HTMLElement} */ (find("voice-alerts"));
const status = /** @type {HTMLElement} */ (find("voice-status"));
const result = /** @type {HTMLElement} */ (find("voice-result"));

consent.addEventListener("change", () => {
  controls.disabled = !consent.checked;
});

/** @param {string} message */
const fail = (message) => {
  status.textContent = "";
  alerts.append(el("div", { class: "error" }, el("p", {}, message)));
};

/** @param {Blob} audio @param {string} name */
async function analyze(audio, name) {
  alerts.replaceChildren();
  result.replaceChildren();
  status.textContent = msg("js.voice.analyzing");
  const form = new FormData();
  form.append("file", audio, name);
  try {
    const res = await fetch("/app/voice/analyze", {
      method: "POST",
      credentials: "same-origin",
      headers: { Accept: "application/json", "X-CSRF-Token": csrfToken(), "X-Recording-Consent": consent.checked ? "given" : "absent" },
      body: form,
    });
    const answer = await res.json().catch(() => null);
    if (!res.ok) return fail(answer?.detail ?? msg("js.voice.failed", { status: res.status }));
    show(answer);
  } catch {
    fail(msg("js.voice.connectionLost"));
  }
}

/** The value's label in the page's language (tone, sentiment); the value itself when the catalogue has none. */
const valueLabel = (/** @type {string} */ prefix, /** @type {string} */ value) => {
  const id = `${prefix}.${value}`;
  const label = msg(id);
  return label === id ? value : label;
};

/** @param {any} answer */
function show(answer) {
  const number = new Intl.NumberFormat(document.documentElement.lang || "en");
  const banner = crisisBanner(answer.safety, answer.transcription);
  if (banner) alerts.append(banner);
  const fact = (/** @type {string} */ term, /** @type {string} */ value) => [el("dt", {}, term), el("dd", {}, value)];
  /** Carries the transcript to another tool through this tab's storage, never the URL. */
  const carry = (/** @type {string} */ label, /** @type {string} */ key, /** @type {string} */ path) => {
    const button = el("button", { type: "button" }, label);
    button.addEventListener("click", () => {
      sessionStorage.setItem(key, answer.transcription);
      location.assign(path);
    });
    return button;
  };
  result.append(
    el("h3", {}, msg("js.voice.transcript")),
    el("p", { class: "transcript" }, answer.transcription),
    el(
      "dl",
      { class: "facts" },
      ...fact(msg("js.voice.speechRate"), msg("js.voice.speechRateValue", { rate: number.format(answer.speechRate) })),
      ...fact(msg("js.voice.pauses"), msg("js.voice.pausesValue", { rate: number.format(answer.pauseFrequency) })),
      ...fact(msg("js.voice.tone"), valueLabel("js.voice.tone", answer.tone)),
      ...fact(msg("js.voice.sentiment"), valueLabel("js.voice.sentiment", answer.sentiment)),
      ...fact(msg("js.voice.emotion"), answer.emotion),
      ...fact(msg("js.voice.safety"), msg(answer.safety.crisis_detected ? "js.voice.riskFound" : "js.voice.noRisk")),
    ),
    el(
      "div",
      { class: "button-row" },
      carry(msg("js.voice.useInDiagnosis"), DIAGNOSE_PREFILL_KEY, "/app/diagnose"),
      carry(msg("js.voice.useInNote"), NOTE_PREFILL_KEY, "/app/notes"),
    ),
  );
  status.textContent = msg("js.voice.complete");
}

uploadForm.addEventListener("submit", (event) => {
  event.preventDefault();
  const file = fileInput.files?.[0];
  if (!file) return fail(msg("js.voice.chooseFile"));
  analyze(file, file.name);
});

/** @type {MediaRecorder | null} */
let recorder = null;
record.addEventListener("click", async () => {
  alerts.replaceChildren();
  try {
    const stream = await navigator.mediaDevices.getUserMedia({ audio: true });
    const chunks = /** @type {Blob[]} */ ([]);
    recorder = new MediaRecorder(stream);
    recorder.addEventListener("dataavailable", (event) => chunks.push(event.data));
    recorder.addEventListener("stop", () => {
      for (const track of stream.getTracks()) track.stop();
      const type = recorder?.mimeType || "audio/webm";
      analyze(new Blob(chunks, { type }), type.includes("ogg") ? "recording.ogg" : "recording.webm");
    });
    recorder.start();
    record.disabled = true;
    stop.disabled = false;
    status.textContent = msg("js.voice.recording");
  } catch {
    fail(msg("js.voice.noMicrophone"));
  }
});
stop.addEventListener("click", () => {
  recorder?.stop();
  record.disabled = false;
  stop.disabled = true;
});
