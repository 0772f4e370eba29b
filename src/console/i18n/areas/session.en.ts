/** The console's English (US spelling) strings for session hygiene: sign-out after inactivity and "Sign out everywhere". */
export const enSession = {
  "session.idleWarning": "You will be signed out in 60 seconds",
  "session.idleWarningDetail":
    "Nothing has happened on this page for a while. An unattended computer signs itself out to keep client information private.",
  "session.staySignedIn": "Stay signed in",
  "session.idleSignedOut": "Signed out after {minutes} minutes of inactivity.",
  "session.idleSignedOutOne": "Signed out after 1 minute of inactivity.",
  "session.everywhereHeading": "Sign out everywhere",
  "session.everywhereIntro":
    "Ends every sign-in of your account: this browser, other computers and phones, and apps signed in with your password. Personal access tokens keep working; revoke them above.",
  "session.everywhereButton": "Sign out everywhere",
  "session.signedOutEverywhere": "Signed out everywhere. Sign in again to continue.",
} as const;
