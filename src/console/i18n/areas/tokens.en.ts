/** The console's English (US spelling) strings for the tokens area (the settings page's personal access tokens), keyed by message id. */
export const enTokens = {
  "tokens.heading": "Personal access tokens",
  "tokens.intro":
    "For scripts and AI assistants: scope Read opens the read-only API routes, scope MCP the MCP server. A token acts as you and stops working when revoked, when it expires, or when you change your password.",
  "tokens.created": "Token “{name}” created. Copy it now: it will not be shown again.",
  "tokens.newToken": "New personal access token",
  "tokens.none": "You have no live personal access tokens.",
  "tokens.caption": "Your personal access tokens",
  "tokens.name": "Name",
  "tokens.scopes": "Scopes",
  "tokens.createdAt": "Created",
  "tokens.expires": "Expires",
  "tokens.lastUsed": "Last used",
  "tokens.actions": "Actions",
  "tokens.never": "never",
  "tokens.revoke": "Revoke",
  "tokens.revokeToken": "Revoke {name}",
  "tokens.tokenName": "Token name",
  "tokens.scopeRead": "Read",
  "tokens.scopeWorkspace": "Client records (workspace)",
  "tokens.scopeWorkspaceHint":
    "With MCP: lets the assistant list your clients, read their scores, trends and goal statuses, and add measures.",
  "tokens.expiresInDays": "Expires in days",
  "tokens.password": "Your password, to confirm",
  "tokens.passwordHint": "A token outlives this sign-in, so creating one asks for your password again.",
  "tokens.create": "Create token",
  "tokens.revoked": "Token revoked: it no longer works.",
} as const;
