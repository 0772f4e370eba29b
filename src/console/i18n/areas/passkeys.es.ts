/** The console's Spanish strings for passkeys (the settings section and the sign-in page's buttons), keyed by message id. */
import type { enPasskeys } from "./passkeys.en";

export const esPasskeys: Record<keyof typeof enPasskeys, string> = {
  "passkeys.heading": "Llaves de acceso",
  "passkeys.intro":
    "Una llave de acceso le permite iniciar sesión con la huella, el rostro o el PIN de este dispositivo en lugar de su contraseña, y no funciona en un sitio que imite a este. También cuenta como su segundo factor.",
  "passkeys.none": "Todavía no tiene llaves de acceso.",
  "passkeys.caption": "Sus llaves de acceso",
  "passkeys.name": "Nombre",
  "passkeys.createdAt": "Añadida",
  "passkeys.lastUsed": "Último uso",
  "passkeys.synced": "Sincronizada",
  "passkeys.yes": "sí",
  "passkeys.no": "no",
  "passkeys.never": "nunca",
  "passkeys.actions": "Acciones",
  "passkeys.newName": "Nombre de la llave de acceso",
  "passkeys.newNameHint": "Para distinguir sus llaves de acceso, p. ej., «Portátil del trabajo».",
  "passkeys.add": "Añadir una llave de acceso",
  "passkeys.removePassword": "Su contraseña, para quitar {name}",
  "passkeys.remove": "Quitar",
  "passkeys.removeNamed": "Quitar {name}",
  "passkeys.added": "Llave de acceso añadida. Ya puede iniciar sesión con ella.",
  "passkeys.removed": "Llave de acceso quitada: ya no le permite iniciar sesión.",
  "passkeys.needsScript": "Las llaves de acceso necesitan JavaScript en este navegador.",
  "passkeys.or": "o",
  "passkeys.signIn": "Iniciar sesión con una llave de acceso",
  "passkeys.useForSecondFactor": "Usar una llave de acceso",
  "js.passkeys.unsupported": "Este navegador no admite llaves de acceso.",
  "js.passkeys.cancelled": "La solicitud de la llave de acceso se canceló o caducó. Inténtelo de nuevo.",
  "js.passkeys.failed": "La llave de acceso no funcionó: {detail}",
  "js.passkeys.nameNeeded": "Primero dé un nombre a la llave de acceso.",
};
