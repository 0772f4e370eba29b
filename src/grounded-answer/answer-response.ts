/**
 * The HTTP door of a grounded answer (REST routes and console actions): JSON (the door's own
 * typed `c.json`), or Server-Sent Events when the client asks for them (`sources`, `delta`…, then `done` with the answer, or
 * `error` with a problem). A failure before the first event (a refusal, the rate limit, the
 * database) is an ordinary problem response with its own status; after it, an `error` event.
 * A client that disconnects aborts the model call.
 */
import type { Context } from "hono";
import { streamSSE } from "hono/streaming";
import { ClientDisconnected } from "../ai/structured";
import type { AppEnv } from "../env";
import { problemFor } from "../lib/error-handler";
import { log } from "../lib/log";
import { problemBody } from "../lib/problem";
import type { AnswerEvents } from "./complete-answer";

type SseEvent = { event: string; data: string };

/** Events the use case emits before the stream is open wait here, in order. */
class EventQueue {
  private readonly items: SseEvent[] = [];
  private closed = false;
  private wake: (() => void) | undefined;
  private markStarted!: () => void;
  /** Resolves with the first event. */
  readonly started = new Promise<void>((resolve) => {
    this.markStarted = resolve;
  });

  push(event: SseEvent) {
    this.items.push(event);
    this.markStarted();
    this.wake?.();
  }

  close() {
    this.closed = true;
    this.wake?.();
  }

  async *drain(): AsyncGenerator<SseEvent> {
    for (;;) {
      const next = this.items.shift();
      if (next) {
        yield next;
        continue;
      }
      if (this.closed) return;
      await new Promise<void>((resolve) => {
        this.wake = resolve;
      });
      this.wake = undefined;
    }
  }
}

/** Whether the client asked for the answer as Server-Sent Events; otherwise the door answers `c.json(await run())`, typed. */
export function wantsEventStream<E extends AppEnv>(c: Context<E>): boolean {
  return /\btext\/event-stream\b/i.test(c.req.header("Accept") ?? "");
}

/** The answer as Server-Sent Events, `run` being the use case with the events to emit. */
export async function answerStream<E extends AppEnv>(c: Context<E>, run: (events: AnswerEvents) => Promise<object>): Promise<Response> {
  const queue = new EventQueue();
  const disconnected = new AbortController();
  const answer = run({
    sources: (event) => queue.push({ event: "sources", data: JSON.stringify(event) }),
    text: (text) => queue.push({ event: "delta", data: JSON.stringify({ text }) }),
    signal: disconnected.signal,
  });
  const settled = answer.then(
    () => queue.close(),
    () => queue.close(),
  );
  // Rejects (and the error handler answers) when the use case fails before its first event.
  await Promise.race([queue.started, answer]);
  const requestId = c.get("requestId");
  return streamSSE(c, async (stream) => {
    stream.onAbort(() => disconnected.abort());
    for await (const event of queue.drain()) await stream.writeSSE(event);
    await settled;
    try {
      await stream.writeSSE({ event: "done", data: JSON.stringify(await answer) });
    } catch (error) {
      if (error instanceof ClientDisconnected) {
        log("info", "client disconnected; upstream call aborted", { request_id: requestId });
        return;
      }
      const { status, problem } = problemFor(error, requestId);
      await stream.writeSSE({ event: "error", data: JSON.stringify(problemBody(status, problem, requestId)) });
    }
  });
}
