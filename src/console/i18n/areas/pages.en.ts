/** The console's English (US spelling) strings for the shared pages (error, sign-out, document, paging), keyed by message id. */
export const enPages = {
  "pages.error.notFound": "Page not found",
  "pages.error.failed": "Something went wrong",
  "pages.error.didNotWork": "That did not work",
  "pages.error.signInAgain": "Sign in again",
  "pages.error.requestId": "Request id: {id}",
  "pages.error.back": "Back to the dashboard",
  "pages.logout.confirm": "Sign out of the Therapy Assistant on this device?",
  "pages.logout.submit": "Sign out now",
  "pages.document.back": "Search the knowledge base",
  "pages.document.type": "Type",
  "pages.document.disorder": "Disorder",
  "pages.document.category": "Category",
  "pages.document.evidenceLevel": "Evidence level",
  "pages.document.source": "Source",
  "pages.nextPage": "Next page",
} as const;
