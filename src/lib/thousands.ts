/**
 * A count with thousands separators ("20,000"), for limits quoted in messages. Not
 * `toLocaleString("en-US")`: schemas quote their limits at module load, and the first locale call
 * starts the runtime's ICU data, 10–20 ms of the Worker's start-up (issue 26).
 */
export function thousands(value: number): string {
  return String(value).replace(/\B(?=(\d{3})+(?!\d))/g, ",");
}
