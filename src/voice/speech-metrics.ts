/** Speech measures computed from word timestamps, not guessed by a model. */
export interface TimedWord {
  word: string;
  start: number;
  end: number;
}

/** A gap between words at least this long counts as a pause. */
const PAUSE_SECONDS = 0.5;

export function speechMetrics(words: TimedWord[], durationSeconds: number) {
  const minutes = durationSeconds / 60;
  let pauses = 0;
  for (let i = 1; i < words.length; i++) if (words[i].start - words[i - 1].end >= PAUSE_SECONDS) pauses++;
  const round = (value: number) => Math.round(value * 10) / 10;
  return {
    speechRate: minutes > 0 ? round(words.length / minutes) : 0,
    pauseFrequency: minutes > 0 ? round(pauses / minutes) : 0,
    words: words.length,
    pauses,
  };
}
