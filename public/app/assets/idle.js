// @ts-check
/**
 * Sign-out after inactivity, the page's half (the server's is src/console/idle-session.ts).
 * Loaded by every signed-in page. After `console-idle-minutes` without the person pressing a key,
 * clicking, touching, scrolling or moving focus, it shows the layout's warning a minute before
 * the deadline ("Stay signed in" counts as activity), and at the deadline POSTs /app/logout and
 * lands on the sign-in page, which says why.
 *
 * Tabs share the last activity through localStorage, so working in one tab keeps the others
 * signed in. The server hears of activity that sends nothing (typing a long note) through a ping
 * at most once a minute, the last one trailing, so its record is never more than a minute behind.
 */
import { csrfToken } from "./console.js";

const minutes = Number(document.querySelector('meta[name="console-idle-minutes"]')?.getAttribute("content"));
const warning = document.getElementById("idle-warning");
const stay = document.getElementById("idle-stay");

const LAST_ACTIVITY_KEY = "ta-last-activity";
const WARN_BEFORE_MS = 60_000;
const PING_EVERY_MS = 60_000;
const ACTIVITY_EVENTS = ["keydown", "pointerdown", "touchstart", "wheel", "scroll", "focusin"];

if (minutes > 0 && warning && stay && csrfToken()) watch(minutes * 60_000, warning, stay);

/**
 * @param {number} idleMs
 * @param {HTMLElement} warning
 * @param {HTMLElement} stay
 */
function watch(idleMs, warning, stay) {
  let localLast = Date.now();
  let lastPing = Date.now(); // loading this page was a request the server counted
  /** @type {ReturnType<typeof setTimeout> | undefined} */
  let timer;
  /** @type {ReturnType<typeof setTimeout> | undefined} */
  let pingTimer;
  /** @type {Element | null} */
  let focusBefore = null;
  let ended = false;

  /** The latest activity of any tab of this browser. */
  function lastActivity() {
    try {
      return Math.max(localLast, Number(localStorage.getItem(LAST_ACTIVITY_KEY)) || 0);
    } catch {
      return localLast; // storage blocked: this tab alone
    }
  }

  function recordActivity() {
    localLast = Date.now();
    try {
      localStorage.setItem(LAST_ACTIVITY_KEY, String(localLast));
    } catch {
      // storage blocked: this tab alone
    }
    schedulePing();
  }

  /** Tells the server, at most once a minute; activity within the minute is sent when it ends. */
  function schedulePing() {
    if (pingTimer !== undefined) return;
    pingTimer = setTimeout(ping, Math.max(0, lastPing + PING_EVERY_MS - Date.now()));
  }

  async function ping() {
    pingTimer = undefined;
    lastPing = Date.now();
    const res = await fetch("/app/session/activity", {
      method: "POST",
      credentials: "same-origin",
      headers: { "X-CSRF-Token": csrfToken() },
    }).catch(() => null);
    // The server ended the session (idle in its view, or signed out elsewhere): say so on the sign-in page.
    if (res?.status === 401) leave();
  }

  function showWarning() {
    if (!warning.hidden) return;
    focusBefore = document.activeElement;
    warning.hidden = false;
    stay.focus();
  }

  function hideWarning() {
    if (warning.hidden) return;
    warning.hidden = true;
    if (focusBefore instanceof HTMLElement && focusBefore.isConnected) focusBefore.focus();
    focusBefore = null;
  }

  /** Shows or hides the warning for the time left, signs out at the deadline, and wakes again when something is due. */
  function check() {
    if (ended) return;
    clearTimeout(timer);
    const left = lastActivity() + idleMs - Date.now();
    if (left <= 0) return signOut();
    if (left <= WARN_BEFORE_MS) showWarning();
    else hideWarning();
    timer = setTimeout(check, left > WARN_BEFORE_MS ? left - WARN_BEFORE_MS : left);
  }

  async function signOut() {
    ended = true;
    warning.hidden = true;
    await fetch("/app/logout", {
      method: "POST",
      credentials: "same-origin",
      headers: { "X-CSRF-Token": csrfToken() },
      redirect: "manual",
      keepalive: true,
    }).catch(() => null); // offline: the server ends the session itself on the next request
    leave();
  }

  function leave() {
    ended = true;
    location.assign("/app/login?idle=1");
  }

  /** @param {Event} event */
  function onActivity(event) {
    if (ended) return;
    // Once the warning shows, only its button keeps the session (focus moving to it is ours, not the person's).
    if (!warning.hidden) return;
    if (event.target instanceof Node && warning.contains(event.target)) return;
    recordActivity();
  }

  for (const type of ACTIVITY_EVENTS) document.addEventListener(type, onActivity, { capture: true, passive: true });
  stay.addEventListener("click", () => {
    recordActivity();
    // At once, not at the minute's end: the server's record must move before its own limit comes.
    clearTimeout(pingTimer);
    ping();
    hideWarning();
    check();
  });
  // Another tab's activity moves the deadline; a tab woken from the background checks at once.
  window.addEventListener("storage", (event) => {
    if (event.key === LAST_ACTIVITY_KEY) check();
  });
  document.addEventListener("visibilitychange", check);

  recordActivity();
  clearTimeout(pingTimer); // the page load itself was the server's record
  pingTimer = undefined;
  check();
}
