import { app } from "./app";
import { log } from "./lib/log";
import { purgeExpiredAudio } from "./voice/audio-store";

export default {
  fetch: app.fetch,
  /** The daily Cron Trigger (wrangler.toml): removes session audio past its retention date. */
  async scheduled(controller, env, ctx) {
    ctx.waitUntil(
      purgeExpiredAudio(env.STORAGE, new Date(controller.scheduledTime)).then(
        (removed) => log("info", "expired audio purged", { removed }),
        (error: unknown) => log("error", "audio purge failed", { error: (error as Error)?.name }),
      ),
    );
  },
} satisfies ExportedHandler<CloudflareBindings>;
