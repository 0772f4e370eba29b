/** The crisis banner: first on the page when risk is detected, announced at once (role="alert"), with the resources. */
import type { z } from "@hono/zod-openapi";
import type { SafetySchema } from "../../safety/safety.schemas";

export function CrisisBanner({ safety }: { safety: z.infer<typeof SafetySchema> }) {
  if (!safety.crisis_detected) return null;
  const categories = [...new Set(safety.indicators.map((indicator) => indicator.category.replaceAll("_", " ")))];
  return (
    <section class="alert crisis" role="alert" aria-labelledby="crisis-heading">
      <h2 id="crisis-heading">Risk detected: assess safety now</h2>
      {categories.length > 0 && <p>Indicators: {categories.join(", ")}.</p>}
      <ul>
        {safety.resources.map((resource) => (
          <li>
            <strong>{resource.name}</strong>: {resource.contact}
          </li>
        ))}
      </ul>
    </section>
  );
}
