import type { SpeechJudge } from '../../domain/align/gated-align'
import type { GateCandidate } from '../../domain/align/speech-gate'
import { PROBE_S, verdicts } from '../../domain/align/speech-gate'
import { FEATURE_RATE, Resampler } from '../../domain/audio/features'
import type { SpeechModel } from './silero'

/** 16 kHz mono samples of `[from, from + PROBE_S)` from one channel at `rate`. */
export function probeFromPcm(samples: Float32Array, rate: number, from: number): Float32Array {
  const a = Math.max(0, Math.round(from * rate))
  const b = Math.min(samples.length, Math.round((from + PROBE_S) * rate))
  return to16k(samples.subarray(a, Math.max(a, b)), rate)
}

export function to16k(samples: Float32Array, rate: number): Float32Array {
  if (rate === FEATURE_RATE) return samples.slice()
  const resampler = new Resampler(rate)
  const out = new Float32Array(resampler.capacity(samples.length))
  return out.slice(0, resampler.push(samples, samples.length, out))
}

/** Every candidate's probes, in order, from decoded channels (the benchmark, the tests). */
export function probesFromPcm(
  channels: readonly Float32Array[],
  rate: number,
  candidates: readonly GateCandidate[],
): Float32Array[] {
  return candidates.flatMap((c) =>
    c.probes.map((from) => probeFromPcm(channels[c.channel] ?? channels[0]!, rate, from)),
  )
}

/** The speech model on probes cut from decoded channels (the benchmark, the tests). */
export function pcmSpeechJudge(
  model: SpeechModel,
  channels: readonly Float32Array[],
  rate: number,
): SpeechJudge {
  return async (candidates) => {
    return verdicts(
      candidates,
      await model.probabilities(probesFromPcm(channels, rate, candidates)),
    )
  }
}
