/**
 * The crisis banner: first on the page when risk is detected, announced at once (role="alert"), with
 * the resources and "Draft a safety plan". Given `planText` (the text the risk was found in), the
 * link carries it to /app/safety-plan through this tab's storage (console.js), never the URL.
 */
import type { z } from "@hono/zod-openapi";
import type { SafetySchema } from "../../safety/safety.schemas";
import { useMessages } from "../i18n/i18n";

export function CrisisBanner({ safety, planText }: { safety: z.infer<typeof SafetySchema>; planText?: string }) {
  const { t } = useMessages();
  if (!safety.crisis_detected) return null;
  const categories = [...new Set(safety.indicators.map((indicator) => indicator.category.replaceAll("_", " ")))];
  return (
    <section class="alert crisis" role="alert" aria-labelledby="crisis-heading">
      <h2 id="crisis-heading">{t("crisis.heading")}</h2>
      {categories.length > 0 && <p>{t("crisis.indicators", { list: categories.join(", ") })}</p>}
      <ul>
        {safety.resources.map((resource) => (
          <li>
            <strong>{resource.name}</strong>: {resource.contact}
          </li>
        ))}
      </ul>
      <p>
        <a href="/app/safety-plan" data-safety-plan-text={planText?.trim() || undefined}>
          {t("crisis.plan")}
        </a>
      </p>
    </section>
  );
}
