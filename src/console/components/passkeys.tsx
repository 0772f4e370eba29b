/**
 * Passkeys in the console: the settings page's section (list, add, remove) and the sign-in page's
 * button. The WebAuthn ceremonies run in /app/assets/passkeys.js against the console actions of
 * routes/passkeys.ts; these elements only carry what the script needs in data attributes.
 */
import type { PasskeyRow } from "../../auth/passkeys/passkeys.data";
import { formatDateTime, useMessages } from "../i18n/i18n";
import { TableWrap } from "./table-wrap";

function When({ date }: { date: Date | null }) {
  const { locale, t } = useMessages();
  return date ? <time datetime={date.toISOString()}>{formatDateTime(locale, date)} UTC</time> : t("passkeys.never");
}

/** Settings: the account's passkeys, "Add a passkey", and removal with the password. */
export function PasskeysSection({ csrfToken, passkeys }: { csrfToken: string; passkeys: PasskeyRow[] }) {
  const { t } = useMessages();
  return (
    <section class="card" aria-labelledby="passkeys-heading" id="passkeys" data-passkeys>
      <h2 id="passkeys-heading">{t("passkeys.heading")}</h2>
      <p class="muted">{t("passkeys.intro")}</p>
      <p class="error" role="alert" id="passkeys-error" hidden data-passkey-error />
      {passkeys.length === 0 ? (
        <p>{t("passkeys.none")}</p>
      ) : (
        <TableWrap label={t("passkeys.heading")}>
          <table>
            <caption class="visually-hidden">{t("passkeys.caption")}</caption>
            <thead>
              <tr>
                <th scope="col">{t("passkeys.name")}</th>
                <th scope="col">{t("passkeys.createdAt")}</th>
                <th scope="col">{t("passkeys.lastUsed")}</th>
                <th scope="col">{t("passkeys.synced")}</th>
                <th scope="col">{t("passkeys.actions")}</th>
              </tr>
            </thead>
            <tbody>
              {passkeys.map((passkey) => (
                <tr>
                  <td>{passkey.name}</td>
                  <td>
                    <When date={passkey.createdAt} />
                  </td>
                  <td>
                    <When date={passkey.lastUsedAt} />
                  </td>
                  <td>{passkey.backedUp ? t("passkeys.yes") : t("passkeys.no")}</td>
                  <td class="actions">
                    <form method="post" action={`/app/passkeys/${passkey.id}/remove`} data-passkey-remove class="passkey-remove">
                      <input type="hidden" name="_csrf" value={csrfToken} />
                      <label for={`passkey-password-${passkey.id}`}>{t("passkeys.removePassword", { name: passkey.name })}</label>
                      <input
                        id={`passkey-password-${passkey.id}`}
                        name="password"
                        type="password"
                        required
                        maxlength={128}
                        autocomplete="current-password"
                      />
                      <button type="submit" aria-label={t("passkeys.removeNamed", { name: passkey.name })}>
                        {t("passkeys.remove")}
                      </button>
                    </form>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </TableWrap>
      )}
      <form data-passkey-add class="passkey-add" hidden>
        <label for="passkey-name">{t("passkeys.newName")}</label>
        <input id="passkey-name" name="name" required maxlength={100} autocomplete="off" aria-describedby="passkey-name-hint" />
        <p id="passkey-name-hint" class="hint">
          {t("passkeys.newNameHint")}
        </p>
        <button type="submit">{t("passkeys.add")}</button>
      </form>
      <p class="hint" data-passkey-noscript>
        {t("passkeys.needsScript")}
      </p>
    </section>
  );
}

/**
 * The sign-in page's "Sign in with a passkey" (no name typed: the browser offers this site's
 * passkeys), or, with the `challengeToken` of a password step that asked for a second factor, its
 * "Use a passkey". Shown by passkeys.js only where the browser can use passkeys.
 */
export function PasskeySignIn({ next, challengeToken }: { next: string; challengeToken?: string }) {
  const { t } = useMessages();
  return (
    <div class="passkey-sign-in" data-passkey-sign-in data-next={next} data-challenge-token={challengeToken} hidden>
      {!challengeToken && <p class="muted passkey-or">{t("passkeys.or")}</p>}
      <button type="button">{challengeToken ? t("passkeys.useForSecondFactor") : t("passkeys.signIn")}</button>
      <p class="error" role="alert" hidden data-passkey-error />
    </div>
  );
}
