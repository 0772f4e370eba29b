/**
 * `npx tsx tools/fhir/cli.ts record.fhir.json [--post] > transaction.json`: a downloaded client
 * record Bundle as a transaction Bundle, ready to POST to a FHIR server's base URL (README.md, "FHIR").
 */
import { readFileSync } from "node:fs";
import process from "node:process";
import { toTransaction } from "./to-transaction.ts";

const [file, ...flags] = process.argv.slice(2);
if (!file || flags.some((flag) => flag !== "--post")) {
  console.error("usage: npx tsx tools/fhir/cli.ts <record.fhir.json> [--post] > transaction.json");
  process.exit(1);
}
try {
  const bundle = JSON.parse(readFileSync(file, "utf8"));
  console.log(JSON.stringify(toTransaction(bundle, flags.includes("--post") ? "post" : "put"), null, 2));
} catch (error) {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
}
