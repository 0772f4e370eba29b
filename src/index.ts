import { app } from "./app";
import { purgeAuditEvents } from "./audit/audit.data";
import { purgeExpiredChallenges } from "./auth/auth-challenges.data";
import { createDatabase } from "./lib/db";
import { log } from "./lib/log";
import { readSettings } from "./lib/settings";
import { purgeExpiredAudio } from "./voice/voice.data";
import { purgeExpiredClients } from "./workspace/retention/client-retention.data";

export default {
  fetch: app.fetch,
  /**
   * The daily Cron Trigger (wrangler.toml): removes session audio past its retention date and
   * audit events past theirs, discharged clients' records past their clinician's retention, and
   * sign-in challenges a day after they expired. Each purge runs and fails on its own.
   */
  async scheduled(controller, env, ctx) {
    const now = new Date(controller.scheduledTime);
    const settings = readSettings(env);
    ctx.waitUntil(
      purgeExpiredAudio(env.STORAGE, now).then(
        (removed) => log("info", "expired audio purged", { removed }),
        (error: unknown) => log("error", "audio purge failed", { error: (error as Error)?.name }),
      ),
    );
    ctx.waitUntil(
      Promise.resolve()
        .then(() => purgeAuditEvents(createDatabase(settings.database), now, settings.auditRetentionDays))
        .then(
          (removed) => log("info", "expired audit events purged", { removed, retention_days: settings.auditRetentionDays }),
          (error: unknown) => log("error", "audit purge failed", { error: (error as Error)?.name }),
        ),
    );
    ctx.waitUntil(
      Promise.resolve()
        .then(() => purgeExpiredClients(createDatabase(settings.database), now))
        .then(
          // Counts only: a label is a clinician's pseudonym for a person, and logs outlive the records.
          (removed) => log("info", "discharged clients past retention purged", { removed }),
          (error: unknown) => log("error", "client retention purge failed", { error: (error as Error)?.name }),
        ),
    );
    ctx.waitUntil(
      Promise.resolve()
        .then(() => purgeExpiredChallenges(createDatabase(settings.database), now))
        .then(
          (removed) => log("info", "expired sign-in challenges purged", { removed }),
          (error: unknown) => log("error", "sign-in challenge purge failed", { error: (error as Error)?.name }),
        ),
    );
  },
} satisfies ExportedHandler<CloudflareBindings>;
