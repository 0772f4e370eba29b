/**
 * The Workers types that app modules reused by the Node tools mention. The tools type-check
 * without @cloudflare's runtime types (they clash with Node's), so the shapes used are declared here.
 */
interface R2Bucket {
  put(
    key: string,
    value: string | Uint8Array | ArrayBuffer,
    options?: { httpMetadata?: { contentType?: string }; customMetadata?: Record<string, string> },
  ): Promise<unknown>;
  delete(key: string): Promise<void>;
  get(key: string): Promise<{ json<T>(): Promise<T> } | null>;
}
