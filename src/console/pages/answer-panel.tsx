/**
 * Where a streamed answer appears (filled by /app/assets/answer.js): alerts first (a crisis
 * banner, a failure with its Retry button), then progress, sources, the text as it is written,
 * and the structured result. The live regions exist from the start so that assistive technology
 * announces what is added to them.
 */
import { useMessages } from "../i18n/i18n";

export function AnswerPanel() {
  const { t } = useMessages();
  return (
    <section class="answer" aria-labelledby="answer-heading">
      <h2 id="answer-heading">{t("answer.heading")}</h2>
      <div id="answer-alerts" role="alert" />
      <p id="answer-status" role="status" class="muted" />
      <div id="answer-sources" />
      <div id="answer-text" class="answer-text" aria-live="polite" aria-busy="false" />
      <div id="answer-result" />
    </section>
  );
}
