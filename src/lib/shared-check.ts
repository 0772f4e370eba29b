/**
 * Dependency checks (`/health`) shared by the requests that ask at the same time.
 *
 * A load balancer or monitor may poll `/health` many times a second; each poll running its own
 * statement and storage request would turn that polling into load on the very dependencies being
 * checked. So, per isolate and per dependency:
 * - while a check is in flight, other requests wait for its outcome instead of starting their own
 *   (their answer reflects a check that ran while they were being served);
 * - a success may be reused for `reuseSuccessMs` after it settled (0: never). A failure is never
 *   reused: the next request checks again, so a recovery shows at once.
 */
export type SharedCheck<K extends object> = (key: K, check: () => Promise<boolean>) => Promise<boolean>;

export function sharedCheck<K extends object>(reuseSuccessMs: number): SharedCheck<K> {
  const state = new WeakMap<K, { inFlight?: Promise<boolean>; okUntil: number }>();
  return (key, check) => {
    let entry = state.get(key);
    if (!entry) {
      entry = { okUntil: 0 };
      state.set(key, entry);
    }
    if (entry.okUntil > Date.now()) return Promise.resolve(true);
    if (entry.inFlight) return entry.inFlight;
    const current = entry;
    const inFlight = check()
      .catch(() => false)
      .then((ok) => {
        current.inFlight = undefined;
        current.okUntil = ok && reuseSuccessMs > 0 ? Date.now() + reuseSuccessMs : 0;
        return ok;
      });
    current.inFlight = inFlight;
    return inFlight;
  };
}
