/** /app/settings: profile, password change, and personal access tokens. */
import { MAX_CLIENT_RETENTION_YEARS, MIN_CLIENT_RETENTION_YEARS } from "../../auth/auth.schemas";
import { LICENSE_TYPES, type UserRow } from "../../auth/auth.table";
import type { PasskeyRow } from "../../auth/passkeys/passkeys.data";
import { may } from "../../policy/policy";
import { SUPPORTED_COUNTRIES } from "../../safety/crisis-resources";
import { PasskeysSection } from "../components/passkeys";
import { SignOutEverywhereSection } from "../components/sign-out-everywhere";
import { useMessages } from "../i18n/i18n";
import { Layout } from "../layout";
import { TwoFactorLink } from "./mfa";
import { PersonalTokensSection, type TokensView } from "./personal-tokens";

export interface SettingsView {
  notice?: string;
  profileError?: string;
  passwordError?: string;
  tokens: TokensView;
  passkeys: PasskeyRow[];
}

export function SettingsPage({ account, csrfToken, view }: { account: UserRow; csrfToken: string; view: SettingsView }) {
  const { t } = useMessages();
  return (
    <Layout title={t("tool.settings")} account={account} csrfToken={csrfToken} path="/app/settings" scripts={["passkeys.js"]}>
      {view.notice && (
        <p class="success" role="status">
          {view.notice}
        </p>
      )}
      <section class="card" aria-labelledby="profile-heading">
        <h2 id="profile-heading">{t("settings.profile")}</h2>
        <p class="muted">
          {account.email} · {account.username}
        </p>
        {view.profileError && (
          <p class="error" role="alert">
            {view.profileError}
          </p>
        )}
        <form method="post" action="/app/settings/profile">
          <input type="hidden" name="_csrf" value={csrfToken} />
          <label for="first_name">{t("settings.firstName")}</label>
          <input id="first_name" name="first_name" required maxlength={100} value={account.firstName} autocomplete="given-name" />
          <label for="last_name">{t("settings.lastName")}</label>
          <input id="last_name" name="last_name" required maxlength={100} value={account.lastName} autocomplete="family-name" />
          <label for="organization">{t("settings.organization")}</label>
          <input id="organization" name="organization" maxlength={200} value={account.organization ?? ""} autocomplete="organization" />
          <label for="license_type">{t("settings.licenseType")}</label>
          <select id="license_type" name="license_type">
            <option value="">{t("settings.none")}</option>
            {LICENSE_TYPES.map((type) => (
              <option value={type} selected={account.licenseType === type}>
                {type}
              </option>
            ))}
          </select>
          <label for="license_number">{t("settings.licenseNumber")}</label>
          <input
            id="license_number"
            name="license_number"
            maxlength={50}
            value={account.licenseNumber ?? ""}
            aria-describedby="license-hint"
          />
          <label for="license_state">{t("settings.licenseState")}</label>
          <input
            id="license_state"
            name="license_state"
            maxlength={50}
            value={account.licenseState ?? ""}
            aria-describedby="license-hint"
          />
          <p id="license-hint" class="hint">
            {t("settings.licenseHint")}
          </p>
          <label for="country">{t("settings.country")}</label>
          <select id="country" name="country" aria-describedby="country-hint">
            <option value="">{t("settings.notSet")}</option>
            {account.country && !SUPPORTED_COUNTRIES.some((c) => c.code === account.country) && (
              <option value={account.country} selected>
                {t("settings.countryUnlisted", { country: account.country })}
              </option>
            )}
            {SUPPORTED_COUNTRIES.map(({ code, name }) => (
              <option value={code} selected={account.country === code}>
                {name}
              </option>
            ))}
          </select>
          <p id="country-hint" class="hint">
            {t("settings.countryHint")}
          </p>
          <label for="locale">{t("settings.language")}</label>
          <select id="locale" name="locale">
            <option value="">{t("settings.browserDefault")}</option>
            <option value="en" selected={account.locale === "en"}>
              English
            </option>
            <option value="es" lang="es" selected={account.locale === "es"}>
              Español
            </option>
          </select>
          {may(account, "workspace") && (
            <>
              <label for="client_retention_years">{t("settings.clientRetention")}</label>
              <input
                id="client_retention_years"
                name="client_retention_years"
                type="number"
                inputmode="numeric"
                min={MIN_CLIENT_RETENTION_YEARS}
                max={MAX_CLIENT_RETENTION_YEARS}
                step={1}
                required
                value={String(account.clientRetentionYears)}
                aria-describedby="client-retention-hint"
              />
              <p id="client-retention-hint" class="hint">
                {t("settings.clientRetentionHint")}
              </p>
            </>
          )}
          <button type="submit">{t("settings.saveProfile")}</button>
        </form>
      </section>
      <section class="card" aria-labelledby="password-heading">
        <h2 id="password-heading">{t("settings.password")}</h2>
        {view.passwordError && (
          <p class="error" role="alert">
            {view.passwordError}
          </p>
        )}
        <form method="post" action="/app/settings/password">
          <input type="hidden" name="_csrf" value={csrfToken} />
          <label for="current_password">{t("settings.currentPassword")}</label>
          <input id="current_password" name="current_password" type="password" required maxlength={128} autocomplete="current-password" />
          <label for="new_password">{t("settings.newPassword")}</label>
          <input
            id="new_password"
            name="new_password"
            type="password"
            required
            minlength={8}
            maxlength={128}
            autocomplete="new-password"
            aria-describedby="password-hint"
          />
          <p id="password-hint" class="hint">
            {t("settings.passwordHint")}
          </p>
          <label for="confirm_password">{t("settings.repeatPassword")}</label>
          <input id="confirm_password" name="confirm_password" type="password" required maxlength={128} autocomplete="new-password" />
          <button type="submit">{t("settings.changePassword")}</button>
        </form>
      </section>
      <TwoFactorLink />
      <PasskeysSection csrfToken={csrfToken} passkeys={view.passkeys} />
      <PersonalTokensSection csrfToken={csrfToken} view={view.tokens} />
      <SignOutEverywhereSection csrfToken={csrfToken} />
    </Layout>
  );
}
