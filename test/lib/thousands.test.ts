/** Limits quoted in problem messages read as people write numbers ("20,000 characters"). */
import { describe, expect, it } from "vitest";
import { thousands } from "../../src/lib/thousands";

describe("thousands", () => {
  it("groups digits by three from the right, as en-US does", () => {
    for (const value of [0, 7, 999, 1000, 20000, 200000, 1234567, 25 * 1024 * 1024])
      expect(thousands(value), String(value)).toBe(value.toLocaleString("en-US"));
    expect(thousands(20000)).toBe("20,000");
  });
});
