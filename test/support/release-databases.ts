/**
 * A setup file of the worker project (vitest.config.ts): when a test file ends, its databases on
 * the local Neon are released. Each is an in-memory PGlite copy in the globalSetup's process, and
 * with a hundred test files kept alive they filled the machine's memory (the run was OOM-killed).
 */
import { afterAll } from "vitest";
import { releaseTestDatabases } from "./api";

afterAll(releaseTestDatabases);
