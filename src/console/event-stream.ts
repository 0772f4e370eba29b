/** Server-Sent Events as the console sends them on top of an API flow's answer. */

const encoder = new TextEncoder();

/**
 * An event-stream answer with one more event before the flow's own; any other answer (a JSON
 * answer, a problem) unchanged.
 */
export function withLeadingEvent(answer: Response, event: string, data: unknown): Response {
  if (!answer.body || !/^text\/event-stream/i.test(answer.headers.get("Content-Type") ?? "")) return answer;
  const leading = encoder.encode(`event: ${event}\ndata: ${JSON.stringify(data)}\n\n`);
  const { readable, writable } = new TransformStream<Uint8Array, Uint8Array>({
    start(controller) {
      controller.enqueue(leading);
    },
  });
  // A client that goes away cancels the readable side, which cancels the flow's stream (and its model call).
  answer.body.pipeTo(writable).catch(() => {});
  return new Response(readable, { status: answer.status, headers: answer.headers });
}
