import { describe, expect, it } from "vitest";
import { poolMaxSetting } from "./backend.ts";

describe("the local Neon's server pool size setting", () => {
  it("defaults to 10 connections when unset", () => {
    expect(poolMaxSetting(undefined)).toBe(10);
    expect(poolMaxSetting("")).toBe(10);
  });

  it("takes a positive integer from the flag or LOCAL_NEON_POOL_MAX", () => {
    expect(poolMaxSetting(50)).toBe(50);
    expect(poolMaxSetting("25")).toBe(25);
  });

  it.each(["0", "-3", "2.5", "many", 0])("refuses %s with a message naming the setting", (value) => {
    expect(() => poolMaxSetting(value)).toThrow(/pool size must be a positive integer/);
  });
});
