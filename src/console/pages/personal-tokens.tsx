/** The settings page's personal access tokens: the live ones, a form to create one, and a new token's secret, once. */
import type { PersonalAccessTokenRow } from "../../auth/auth.table";
import { DEFAULT_TOKEN_DAYS, MAX_TOKEN_DAYS } from "../../auth/personal-tokens.schemas";
import { TableWrap } from "../components/table-wrap";
import { formatDateTime, useMessages } from "../i18n/i18n";

export interface TokensView {
  tokens: PersonalAccessTokenRow[];
  /** Only on the answer to the creating POST: the secret is stored nowhere, so this page is its one showing. */
  created?: { name: string; token: string };
  error?: string;
}

/** A token's date in the locale's format, in UTC (said, since the console shows every time in UTC). */
function When({ date }: { date: Date | null }) {
  const { locale, t } = useMessages();
  return date ? <time datetime={date.toISOString()}>{formatDateTime(locale, date)} UTC</time> : t("tokens.never");
}

export function PersonalTokensSection({ csrfToken, view }: { csrfToken: string; view: TokensView }) {
  const { t } = useMessages();
  return (
    <section class="card" aria-labelledby="tokens-heading" id="tokens">
      <h2 id="tokens-heading">{t("tokens.heading")}</h2>
      <p class="muted">{t("tokens.intro")}</p>
      {view.created && (
        <div class="success" role="status">
          <p>{t("tokens.created", { name: view.created.name })}</p>
          <label for="new-token">{t("tokens.newToken")}</label>
          <input id="new-token" readonly value={view.created.token} autocomplete="off" spellcheck={false} />
        </div>
      )}
      {view.error && (
        <p class="error" role="alert">
          {view.error}
        </p>
      )}
      {view.tokens.length === 0 ? (
        <p>{t("tokens.none")}</p>
      ) : (
        <TableWrap label={t("tokens.heading")}>
          <table>
            <caption class="visually-hidden">{t("tokens.caption")}</caption>
            <thead>
              <tr>
                <th scope="col">{t("tokens.name")}</th>
                <th scope="col">{t("tokens.scopes")}</th>
                <th scope="col">{t("tokens.createdAt")}</th>
                <th scope="col">{t("tokens.expires")}</th>
                <th scope="col">{t("tokens.lastUsed")}</th>
                <th scope="col">{t("tokens.actions")}</th>
              </tr>
            </thead>
            <tbody>
              {view.tokens.map((token) => (
                <tr>
                  <td>{token.name}</td>
                  <td>{token.scopes.join(", ")}</td>
                  <td>
                    <When date={token.createdAt} />
                  </td>
                  <td>
                    <When date={token.expiresAt} />
                  </td>
                  <td>
                    <When date={token.lastUsedAt} />
                  </td>
                  <td class="actions">
                    <form method="post" action={`/app/settings/tokens/${token.id}/revoke`}>
                      <input type="hidden" name="_csrf" value={csrfToken} />
                      <button type="submit" aria-label={t("tokens.revokeToken", { name: token.name })}>
                        {t("tokens.revoke")}
                      </button>
                    </form>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </TableWrap>
      )}
      <form method="post" action="/app/settings/tokens">
        <input type="hidden" name="_csrf" value={csrfToken} />
        <label for="token_name">{t("tokens.tokenName")}</label>
        <input id="token_name" name="name" required maxlength={100} autocomplete="off" />
        <fieldset>
          <legend>{t("tokens.scopes")}</legend>
          <label>
            <input type="checkbox" name="scopes" value="mcp" /> MCP
          </label>
          <label>
            <input type="checkbox" name="scopes" value="read" /> {t("tokens.scopeRead")}
          </label>
          <label>
            <input type="checkbox" name="scopes" value="workspace" aria-describedby="scope-workspace-hint" /> {t("tokens.scopeWorkspace")}
          </label>
          <p id="scope-workspace-hint" class="hint">
            {t("tokens.scopeWorkspaceHint")}
          </p>
        </fieldset>
        <label for="expires_in_days">{t("tokens.expiresInDays")}</label>
        <input
          id="expires_in_days"
          name="expires_in_days"
          type="number"
          required
          min={1}
          max={MAX_TOKEN_DAYS}
          value={String(DEFAULT_TOKEN_DAYS)}
        />
        <label for="token_password">{t("tokens.password")}</label>
        <input
          id="token_password"
          name="password"
          type="password"
          required
          maxlength={128}
          autocomplete="current-password"
          aria-describedby="token-password-hint"
        />
        <p id="token-password-hint" class="hint">
          {t("tokens.passwordHint")}
        </p>
        <button type="submit">{t("tokens.create")}</button>
      </form>
    </section>
  );
}
