/**
 * The drizzle schema: every table of every feature, re-exported for drizzle-kit and the client.
 * Each feature owns its tables in its own folder.
 */
export {};
