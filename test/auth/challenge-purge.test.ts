/** The daily Cron Trigger removes sign-in challenges (second factor, passkeys) a day after they expired, and leaves the rest. */
import { createExecutionContext, createScheduledController, waitOnExecutionContext } from "cloudflare:test";
import { describe, expect, it } from "vitest";
import worker from "../../src/index";
import { runSql } from "../support/accounts";
import { createTestApi } from "../support/api";

const api = await createTestApi();

describe("sign-in challenge housekeeping", () => {
  it("deletes challenges expired more than a day ago, keeping recent and live ones", async () => {
    await runSql(
      api,
      `insert into auth_challenges (purpose, challenge, expires_at) values
        ('passkey_login', 'old', now() - interval '2 days'),
        ('passkey_login', 'recent', now() - interval '1 hour'),
        ('passkey_login', 'live', now() + interval '5 minutes')`,
    );
    const ctx = createExecutionContext();
    await worker.scheduled(createScheduledController({ scheduledTime: new Date(), cron: "17 3 * * *" }), api.env, ctx);
    await waitOnExecutionContext(ctx);
    const left = await runSql(api, "select challenge from auth_challenges order by challenge");
    expect(left.map(([challenge]) => challenge)).toEqual(["live", "recent"]);
  });
});
