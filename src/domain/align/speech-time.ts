import type { Segment } from './speech-segments'

export interface SpeechTimePrior {
  start: number
  sigma: number
}

/**
 * Where turns known only by their order should start: their expected durations laid end to end on
 * the recording's speech time (the seconds of detected speech, pauses left out), scaled so both
 * add up, then mapped back to recording seconds. The doubt grows like a bridge pinned at both
 * ends: most in the middle of the call, where most duration estimates have added up.
 */
export function speechTimePriors(
  durations: readonly number[],
  segments: readonly Segment[],
): SpeechTimePrior[] {
  const speech = mergedSpeech(segments)
  const heard = speech.reduce((sum, s) => sum + s.end - s.start, 0)
  const expected = durations.reduce((sum, d) => sum + d, 0)
  if (speech.length === 0 || expected <= 0) return durations.map(() => ({ start: 0, sigma: 30 }))
  const scale = heard / expected
  const mean = expected / durations.length
  const out: SpeechTimePrior[] = []
  let before = 0
  let k = 0
  let passed = 0
  for (const [i, duration] of durations.entries()) {
    const target = before * scale
    while (k < speech.length - 1 && passed + speech[k]!.end - speech[k]!.start <= target) {
      passed += speech[k]!.end - speech[k]!.start
      k++
    }
    const at = Math.min(speech[k]!.end, speech[k]!.start + (target - passed))
    const turnsAway = Math.min(i + 1, durations.length - i)
    out.push({ start: at, sigma: Math.max(2, 0.5 * mean * Math.sqrt(turnsAway)) })
    before += duration
  }
  return out
}

function mergedSpeech(segments: readonly Segment[]): Segment[] {
  const sorted = [...segments].sort((a, b) => a.start - b.start)
  const out: Segment[] = []
  for (const s of sorted) {
    const last = out.at(-1)
    if (last && s.start <= last.end) last.end = Math.max(last.end, s.end)
    else out.push({ ...s })
  }
  return out
}
