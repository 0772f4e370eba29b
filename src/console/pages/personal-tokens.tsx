/** The settings page's personal access tokens: the live ones, a form to create one, and a new token's secret, once. */
import type { PersonalAccessTokenRow } from "../../auth/auth.table";
import { DEFAULT_TOKEN_DAYS, MAX_TOKEN_DAYS } from "../../auth/personal-tokens.schemas";
import { TableWrap } from "../components/table-wrap";

export interface TokensView {
  tokens: PersonalAccessTokenRow[];
  /** Only on the answer to the creating POST: the secret is stored nowhere, so this page is its one showing. */
  created?: { name: string; token: string };
  error?: string;
}

const when = (date: Date | null) =>
  date ? <time datetime={date.toISOString()}>{`${date.toISOString().slice(0, 16).replace("T", " ")} UTC`}</time> : "never";

export function PersonalTokensSection({ csrfToken, view }: { csrfToken: string; view: TokensView }) {
  return (
    <section class="card" aria-labelledby="tokens-heading" id="tokens">
      <h2 id="tokens-heading">Personal access tokens</h2>
      <p class="muted">
        For scripts and AI assistants: scope Read opens the read-only API routes, scope MCP the MCP server. A token acts as you and stops
        working when revoked, when it expires, or when you change your password.
      </p>
      {view.created && (
        <div class="success" role="status">
          <p>Token “{view.created.name}” created. Copy it now: it will not be shown again.</p>
          <label for="new-token">New personal access token</label>
          <input id="new-token" readonly value={view.created.token} autocomplete="off" spellcheck={false} />
        </div>
      )}
      {view.error && (
        <p class="error" role="alert">
          {view.error}
        </p>
      )}
      {view.tokens.length === 0 ? (
        <p>You have no live personal access tokens.</p>
      ) : (
        <TableWrap label="Personal access tokens">
          <table>
            <caption class="visually-hidden">Your personal access tokens</caption>
            <thead>
              <tr>
                <th scope="col">Name</th>
                <th scope="col">Scopes</th>
                <th scope="col">Created</th>
                <th scope="col">Expires</th>
                <th scope="col">Last used</th>
                <th scope="col">Actions</th>
              </tr>
            </thead>
            <tbody>
              {view.tokens.map((token) => (
                <tr>
                  <td>{token.name}</td>
                  <td>{token.scopes.join(", ")}</td>
                  <td>{when(token.createdAt)}</td>
                  <td>{when(token.expiresAt)}</td>
                  <td>{when(token.lastUsedAt)}</td>
                  <td class="actions">
                    <form method="post" action={`/app/settings/tokens/${token.id}/revoke`}>
                      <input type="hidden" name="_csrf" value={csrfToken} />
                      <button type="submit" aria-label={`Revoke ${token.name}`}>
                        Revoke
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
        <label for="token_name">Token name</label>
        <input id="token_name" name="name" required maxlength={100} autocomplete="off" />
        <fieldset>
          <legend>Scopes</legend>
          <label>
            <input type="checkbox" name="scopes" value="mcp" /> MCP
          </label>
          <label>
            <input type="checkbox" name="scopes" value="read" /> Read
          </label>
        </fieldset>
        <label for="expires_in_days">Expires in days</label>
        <input
          id="expires_in_days"
          name="expires_in_days"
          type="number"
          required
          min={1}
          max={MAX_TOKEN_DAYS}
          value={String(DEFAULT_TOKEN_DAYS)}
        />
        <label for="token_password">Your password, to confirm</label>
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
          A token outlives this sign-in, so creating one asks for your password again.
        </p>
        <button type="submit">Create token</button>
      </form>
    </section>
  );
}
