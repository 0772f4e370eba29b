/**
 * Two-factor sign-in pages: the sign-in page's second step (a code or a recovery code), the
 * enrolment page (QR code rendered on the server, the key for typing by hand, the confirming
 * code), the recovery codes shown once, and the settings section. The login's challenge token
 * travels only in hidden fields of POSTed forms, never in a URL.
 */
import { raw } from "hono/html";
import type { UserRow } from "../../auth/auth.table";
import type { MfaMethod } from "../../auth/mfa/mfa-challenge";
import { PasskeySignIn } from "../components/passkeys";
import { formatDateTime, useMessages } from "../i18n/i18n";
import { Layout } from "../layout";

function ErrorLine({ error, id }: { error?: string; id: string }) {
  return error ? (
    <p class="error" role="alert" id={id}>
      {error}
    </p>
  ) : null;
}

/** After the password: the code from the app, or a recovery code. */
export function MfaCodePage({
  challengeToken,
  next,
  methods,
  error,
}: {
  challengeToken: string;
  next: string;
  methods: readonly MfaMethod[];
  error?: string;
}) {
  const { t } = useMessages();
  const totp = methods.includes("totp");
  return (
    <Layout title={t("mfa.codeTitle")} scripts={methods.includes("passkey") ? ["passkeys.js"] : []}>
      <section class="card narrow">
        <ErrorLine error={error} id="mfa-error" />
        {methods.includes("passkey") && <PasskeySignIn next={next} challengeToken={challengeToken} />}
        {totp && (
          <>
            <p>{t("mfa.codeIntro")}</p>
            <form method="post" action="/app/login/mfa" novalidate>
              <input type="hidden" name="challenge_token" value={challengeToken} />
              <input type="hidden" name="next" value={next} />
              <label for="code">{t("mfa.code")}</label>
              <input
                id="code"
                name="code"
                inputmode="numeric"
                pattern="[0-9]{6}"
                maxlength={6}
                autocomplete="one-time-code"
                required
                aria-describedby={error ? "mfa-error" : undefined}
              />
              <button type="submit">{t("mfa.verify")}</button>
            </form>
            <h2>{t("mfa.recoveryHeading")}</h2>
            <form method="post" action="/app/login/mfa" novalidate>
              <input type="hidden" name="challenge_token" value={challengeToken} />
              <input type="hidden" name="next" value={next} />
              <label for="recovery_code">{t("mfa.recoveryCode")}</label>
              <input
                id="recovery_code"
                name="recovery_code"
                maxlength={40}
                autocomplete="off"
                spellcheck={false}
                aria-describedby="recovery-hint"
              />
              <p id="recovery-hint" class="hint">
                {t("mfa.recoveryHint")}
              </p>
              <button type="submit">{t("mfa.useRecoveryCode")}</button>
            </form>
          </>
        )}
        <p>
          <a href="/app/login">{t("mfa.startOver")}</a>
        </p>
      </section>
    </Layout>
  );
}

export interface EnrolmentView {
  secret: string;
  qrSvg: string;
  error?: string;
}

/** The QR code, the key and the confirming code's form; `hidden` fields say where the form goes on. */
function EnrolmentSteps({ view, action, hidden }: { view: EnrolmentView; action: string; hidden: Record<string, string> }) {
  const { t } = useMessages();
  return (
    <>
      <ErrorLine error={view.error} id="mfa-enrol-error" />
      <p>{t("mfa.enrolStep1")}</p>
      {/* Our own SVG (uqr, from the otpauth URL): no text from anyone else is in it. */}
      <div class="mfa-qr" role="img" aria-label={t("mfa.qrLabel")}>
        {raw(view.qrSvg)}
      </div>
      <p>
        {t("mfa.manualEntry")} <code id="totp-secret">{view.secret}</code>
      </p>
      <form method="post" action={action} novalidate>
        {Object.entries(hidden).map(([name, value]) => (
          <input type="hidden" name={name} value={value} />
        ))}
        <label for="code">{t("mfa.enrolStep2")}</label>
        <input
          id="code"
          name="code"
          inputmode="numeric"
          pattern="[0-9]{6}"
          maxlength={6}
          autocomplete="one-time-code"
          required
          aria-describedby={view.error ? "mfa-enrol-error" : undefined}
        />
        <button type="submit">{t("mfa.confirm")}</button>
      </form>
    </>
  );
}

/** MFA_REQUIRED sent a clinician without a factor here from the password step. */
export function MfaLoginEnrolPage({ challengeToken, next, view }: { challengeToken: string; next: string; view: EnrolmentView }) {
  const { t } = useMessages();
  return (
    <Layout title={t("mfa.enrolTitle")}>
      <section class="card narrow">
        <p>{t("mfa.enrolRequired")}</p>
        <EnrolmentSteps view={view} action="/app/login/mfa/enrol" hidden={{ challenge_token: challengeToken, next }} />
      </section>
    </Layout>
  );
}

/** Enrolment from settings, after the password. */
export function MfaSettingsEnrolPage({ account, csrfToken, view }: { account: UserRow; csrfToken: string; view: EnrolmentView }) {
  const { t } = useMessages();
  return (
    <Layout title={t("mfa.enrolTitle")} account={account} csrfToken={csrfToken} path="/app/settings">
      <section class="card">
        <EnrolmentSteps view={view} action="/app/settings/two-factor/confirm" hidden={{ _csrf: csrfToken }} />
      </section>
    </Layout>
  );
}

/** The recovery codes, on the one page that answers the confirming POST. */
export function RecoveryCodesPage({
  account,
  csrfToken,
  codes,
  continueTo,
}: {
  account?: UserRow;
  csrfToken?: string;
  codes: string[];
  continueTo: string;
}) {
  const { t } = useMessages();
  return (
    <Layout title={t("mfa.recoveryCodesTitle")} account={account} csrfToken={csrfToken} path={account ? "/app/settings" : undefined}>
      <section class="card narrow">
        <p class="success" role="status">
          {t("mfa.recoveryCodesIntro")}
        </p>
        <ul class="mfa-recovery-codes" id="recovery-codes">
          {codes.map((code) => (
            <li>
              <code>{code}</code>
            </li>
          ))}
        </ul>
        <p>
          <a href={continueTo}>{account ? t("mfa.backToSettings") : t("mfa.continue")}</a>
        </p>
      </section>
    </Layout>
  );
}

export interface TwoFactorStatus {
  totp: { enabled: boolean; confirmed_at: string | null };
  recovery_codes_left: number;
}

/** The settings section: status, and the form to set up or to turn off (each asks for the password). */
function TwoFactorSection({ csrfToken, status, error }: { csrfToken: string; status: TwoFactorStatus; error?: string }) {
  const { locale, t } = useMessages();
  const on = status.totp.enabled && status.totp.confirmed_at;
  return (
    <section class="card" aria-labelledby="two-factor-heading" id="two-factor">
      <h2 id="two-factor-heading">{t("mfa.heading")}</h2>
      <p class="muted">{t("mfa.intro")}</p>
      <ErrorLine error={error} id="two-factor-error" />
      <p id="two-factor-status">
        {on ? t("mfa.statusOn", { date: formatDateTime(locale, new Date(on)), left: status.recovery_codes_left }) : t("mfa.statusOff")}
      </p>
      <form method="post" action={on ? "/app/settings/two-factor/remove" : "/app/settings/two-factor/enrol"}>
        <input type="hidden" name="_csrf" value={csrfToken} />
        <label for="two-factor-password">{t("mfa.password")}</label>
        <input id="two-factor-password" name="password" type="password" required maxlength={128} autocomplete="current-password" />
        {on && (
          <p id="two-factor-remove-hint" class="hint">
            {t("mfa.removeHint")}
          </p>
        )}
        <button type="submit" aria-describedby={on ? "two-factor-remove-hint" : undefined}>
          {on ? t("mfa.remove") : t("mfa.setUp")}
        </button>
      </form>
    </section>
  );
}

/** /app/settings/two-factor: the section on a page of its own (linked from settings). */
export function TwoFactorPage({
  account,
  csrfToken,
  status,
  notice,
  error,
}: {
  account: UserRow;
  csrfToken: string;
  status: TwoFactorStatus;
  notice?: string;
  error?: string;
}) {
  const { t } = useMessages();
  return (
    <Layout title={t("mfa.manage")} account={account} csrfToken={csrfToken} path="/app/settings">
      {notice && (
        <p class="success" role="status">
          {notice}
        </p>
      )}
      <TwoFactorSection csrfToken={csrfToken} status={status} error={error} />
      <p>
        <a href="/app/settings">{t("mfa.backToSettings")}</a>
      </p>
    </Layout>
  );
}

/** The settings page's link to the two-factor page. */
export function TwoFactorLink() {
  const { t } = useMessages();
  return (
    <section class="card" aria-labelledby="two-factor-link-heading">
      <h2 id="two-factor-link-heading">{t("mfa.heading")}</h2>
      <p class="muted">{t("mfa.intro")}</p>
      <p>
        <a href="/app/settings/two-factor">{t("mfa.manage")}</a>
      </p>
    </section>
  );
}
