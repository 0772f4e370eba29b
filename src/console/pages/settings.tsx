/** /app/settings: profile, password change, and personal access tokens. */
import { LICENSE_TYPES, type UserRow } from "../../auth/auth.table";
import { SUPPORTED_COUNTRIES } from "../../safety/crisis-resources";
import { Layout } from "../layout";
import { PersonalTokensSection, type TokensView } from "./personal-tokens";

export interface SettingsView {
  notice?: string;
  profileError?: string;
  passwordError?: string;
  tokens: TokensView;
}

export function SettingsPage({ account, csrfToken, view }: { account: UserRow; csrfToken: string; view: SettingsView }) {
  return (
    <Layout title="Settings" account={account} csrfToken={csrfToken} path="/app/settings">
      {view.notice && (
        <p class="success" role="status">
          {view.notice}
        </p>
      )}
      <section class="card" aria-labelledby="profile-heading">
        <h2 id="profile-heading">Profile</h2>
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
          <label for="first_name">First name</label>
          <input id="first_name" name="first_name" required maxlength={100} value={account.firstName} autocomplete="given-name" />
          <label for="last_name">Last name</label>
          <input id="last_name" name="last_name" required maxlength={100} value={account.lastName} autocomplete="family-name" />
          <label for="organization">Organization</label>
          <input id="organization" name="organization" maxlength={200} value={account.organization ?? ""} autocomplete="organization" />
          <label for="license_type">Licence type</label>
          <select id="license_type" name="license_type">
            <option value="">None</option>
            {LICENSE_TYPES.map((type) => (
              <option value={type} selected={account.licenseType === type}>
                {type}
              </option>
            ))}
          </select>
          <label for="license_number">Licence number</label>
          <input
            id="license_number"
            name="license_number"
            maxlength={50}
            value={account.licenseNumber ?? ""}
            aria-describedby="licence-hint"
          />
          <label for="license_state">Licence state</label>
          <input
            id="license_state"
            name="license_state"
            maxlength={50}
            value={account.licenseState ?? ""}
            aria-describedby="licence-hint"
          />
          <p id="licence-hint" class="hint">
            Changing licence details sends them to an administrator to verify again.
          </p>
          <label for="country">Country</label>
          <select id="country" name="country" aria-describedby="country-hint">
            <option value="">Not set</option>
            {account.country && !SUPPORTED_COUNTRIES.some((c) => c.code === account.country) && (
              <option value={account.country} selected>
                {account.country} (no list of its own: international directories)
              </option>
            )}
            {SUPPORTED_COUNTRIES.map(({ code, name }) => (
              <option value={code} selected={account.country === code}>
                {name}
              </option>
            ))}
          </select>
          <p id="country-hint" class="hint">
            Crisis banners give this country's crisis lines and emergency number. Not set: the country you connect from, else international
            directories.
          </p>
          <label for="locale">Language</label>
          <select id="locale" name="locale">
            <option value="">Browser default</option>
            <option value="en" selected={account.locale === "en"}>
              English
            </option>
            <option value="es" lang="es" selected={account.locale === "es"}>
              Español
            </option>
          </select>
          <button type="submit">Save profile</button>
        </form>
      </section>
      <section class="card" aria-labelledby="password-heading">
        <h2 id="password-heading">Password</h2>
        {view.passwordError && (
          <p class="error" role="alert">
            {view.passwordError}
          </p>
        )}
        <form method="post" action="/app/settings/password">
          <input type="hidden" name="_csrf" value={csrfToken} />
          <label for="current_password">Current password</label>
          <input id="current_password" name="current_password" type="password" required maxlength={128} autocomplete="current-password" />
          <label for="new_password">New password</label>
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
            8 to 128 characters with a lowercase and an uppercase letter, a digit and a symbol. Changing it signs you out everywhere.
          </p>
          <label for="confirm_password">Repeat the new password</label>
          <input id="confirm_password" name="confirm_password" type="password" required maxlength={128} autocomplete="new-password" />
          <button type="submit">Change password</button>
        </form>
      </section>
      <PersonalTokensSection csrfToken={csrfToken} view={view.tokens} />
    </Layout>
  );
}
