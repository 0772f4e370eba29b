/** The voice analysis prompt: tone and sentiment from the words of a session transcript. */
export function voiceAnalysisMessages(transcript: string) {
  return [
    {
      role: "system" as const,
      content:
        "You support a licensed clinician. Classify the speaker's overall sentiment, dominant emotion and tone in this " +
        "session transcript. Base it only on the words; confidence 0-1 reflects how clear the signal is.",
    },
    { role: "user" as const, content: `TRANSCRIPT:\n${transcript || "(no speech)"}` },
  ];
}
