/** The console's Spanish strings for two-factor sign-in, keyed by message id. */
import type { enMfa } from "./mfa.en";

export const esMfa: Record<keyof typeof enMfa, string> = {
  "mfa.codeTitle": "Introduzca su código de acceso",
  "mfa.codeIntro":
    "Su cuenta usa la verificación en dos pasos. Abra su aplicación de autenticación e introduzca el código de 6 dígitos que muestra para Therapy Assistant.",
  "mfa.code": "Código de 6 dígitos",
  "mfa.verify": "Verificar e iniciar sesión",
  "mfa.recoveryHeading": "¿Ha perdido el teléfono?",
  "mfa.recoveryCode": "Código de recuperación",
  "mfa.recoveryHint": "Cada código de recuperación sirve una sola vez.",
  "mfa.useRecoveryCode": "Iniciar sesión con un código de recuperación",
  "mfa.startOver": "Volver a empezar con su contraseña",
  "mfa.enrolTitle": "Configurar la verificación en dos pasos",
  "mfa.enrolRequired":
    "Su organización exige un segundo factor a los profesionales clínicos. Configure una aplicación de autenticación para terminar de iniciar sesión.",
  "mfa.enrolStep1":
    "Escanee este código QR con una aplicación de autenticación (como Google Authenticator, Microsoft Authenticator o 1Password).",
  "mfa.qrLabel": "Código QR para su aplicación de autenticación",
  "mfa.manualEntry": "O escriba esta clave en la aplicación:",
  "mfa.enrolStep2": "Después introduzca el código de 6 dígitos que muestra la aplicación, para confirmar.",
  "mfa.confirm": "Confirmar",
  "mfa.recoveryCodesTitle": "Sus códigos de recuperación",
  "mfa.recoveryCodesIntro":
    "La verificación en dos pasos está activada. Guarde estos códigos en un lugar seguro, lejos de su teléfono: cada uno le permite iniciar sesión una vez si pierde la aplicación. No se volverán a mostrar.",
  "mfa.continue": "Continuar",
  "mfa.backToSettings": "Volver a la configuración",
  "mfa.heading": "Verificación en dos pasos",
  "mfa.intro":
    "Un código de una aplicación de autenticación en su teléfono, pedido después de la contraseña, protege su cuenta si su contraseña se filtra.",
  "mfa.statusOn": "Activada desde el {date} UTC, con una aplicación de autenticación. Códigos de recuperación restantes: {left}.",
  "mfa.statusOff": "Desactivada: para iniciar sesión solo se pide la contraseña.",
  "mfa.password": "Su contraseña, para confirmar",
  "mfa.setUp": "Configurar una aplicación de autenticación",
  "mfa.remove": "Desactivar la verificación en dos pasos",
  "mfa.removeHint": "Elimina la aplicación de autenticación y sus códigos de recuperación.",
  "mfa.manage": "Gestionar la verificación en dos pasos",
  "mfa.removed": "La verificación en dos pasos con aplicación de autenticación está desactivada.",
};
