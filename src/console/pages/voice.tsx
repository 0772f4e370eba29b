/**
 * /app/voice: consent first, then a recording made in the browser or an uploaded file →
 * transcript, speech metrics, tone, sentiment and the safety block (/app/assets/voice.js).
 */
import type { UserRow } from "../../auth/auth.table";
import { AUDIO_FORMATS } from "../../voice/audio-input";
import { useMessages } from "../i18n/i18n";
import { Layout, NeedsVerification } from "../layout";
import { mayUse } from "../tools";

export function VoicePage({ account, csrfToken }: { account: UserRow; csrfToken: string }) {
  const allowed = mayUse(account, "licensed");
  const { t } = useMessages();
  return (
    <Layout title={t("tool.voice")} account={account} csrfToken={csrfToken} path="/app/voice" scripts={allowed ? ["voice.js"] : []}>
      {allowed ? (
        <>
          <div class="card">
            <input id="consent" type="checkbox" name="consent" />{" "}
            <label class="inline" for="consent">
              {t("voice.consent")}
            </label>
            <fieldset id="voice-controls" disabled>
              <legend>{t("voice.audio")}</legend>
              {/* recorder-controls: on a phone, tall full-width buttons a thumb reaches (console.css). */}
              <div class="button-row recorder-controls">
                <button type="button" id="record">
                  {t("voice.record")}
                </button>
                <button type="button" id="stop" disabled>
                  {t("voice.stop")}
                </button>
              </div>
              <form id="upload-form" method="post" action="/app/voice" enctype="multipart/form-data">
                <label for="audio-file">{t("voice.file")}</label>
                <input id="audio-file" name="file" type="file" accept={AUDIO_FORMATS.map((format) => `.${format}`).join(",")} />
                <p class="muted">{t("voice.formats", { formats: AUDIO_FORMATS.join(", ") })}</p>
                <button type="submit">{t("voice.analyze")}</button>
              </form>
            </fieldset>
          </div>
          <section class="answer" aria-labelledby="voice-heading">
            <h2 id="voice-heading">{t("voice.analysis")}</h2>
            <div id="voice-alerts" role="alert" />
            <p id="voice-status" role="status" class="muted" />
            <div id="voice-result" />
          </section>
        </>
      ) : (
        <NeedsVerification account={account} />
      )}
    </Layout>
  );
}
