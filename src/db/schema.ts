/**
 * The drizzle schema: every feature's tables, gathered for drizzle-kit and the client.
 * Each feature owns its tables in its own folder.
 */
export * from "../audit/audit.table";
export * from "../auth/auth.table";
export * from "../knowledge/knowledge.table";
export * from "../workspace/workspace.table";
