/** The console's Spanish strings for the tokens area (our own translations): every English id, so a missing one is a type error. */
import type { enTokens } from "./tokens.en";

export const esTokens: Record<keyof typeof enTokens, string> = {
  "tokens.heading": "Tokens de acceso personal",
  "tokens.intro":
    "Para scripts y asistentes de IA: el alcance Lectura abre las rutas de solo lectura de la API; el alcance MCP, el servidor MCP. Un token actúa en su nombre y deja de funcionar cuando se revoca, cuando caduca o cuando usted cambia su contraseña.",
  "tokens.created": "Token «{name}» creado. Cópielo ahora: no se volverá a mostrar.",
  "tokens.newToken": "Nuevo token de acceso personal",
  "tokens.none": "No tiene tokens de acceso personal vigentes.",
  "tokens.caption": "Sus tokens de acceso personal",
  "tokens.name": "Nombre",
  "tokens.scopes": "Alcances",
  "tokens.createdAt": "Creado",
  "tokens.expires": "Caduca",
  "tokens.lastUsed": "Último uso",
  "tokens.actions": "Acciones",
  "tokens.never": "nunca",
  "tokens.revoke": "Revocar",
  "tokens.revokeToken": "Revocar {name}",
  "tokens.tokenName": "Nombre del token",
  "tokens.scopeRead": "Lectura",
  "tokens.scopeWorkspace": "Expedientes de clientes (workspace)",
  "tokens.scopeWorkspaceHint":
    "Con MCP: permite al asistente listar sus clientes, leer sus puntuaciones, tendencias y el estado de sus objetivos, y añadir mediciones.",
  "tokens.expiresInDays": "Caduca en (días)",
  "tokens.password": "Su contraseña, para confirmar",
  "tokens.passwordHint": "Un token dura más que este inicio de sesión, así que para crear uno se le vuelve a pedir la contraseña.",
  "tokens.create": "Crear token",
  "tokens.revoked": "Token revocado: ya no funciona.",
};
