import { FeatureAccumulator } from '../audio/features'
import type { AlignmentFeatures } from '../audio/features'

/** Test signals: speech-like bursts (harmonics under a syllable envelope), chords and noise. */
export const TEST_RATE = 16_000

export interface Burst {
  start: number
  duration: number
  f0?: number
}

/** A voiced burst: 8 harmonics of a gliding f0, amplitude-modulated at a syllable rate (~4 Hz). */
export function addSpeech(out: Float32Array, burst: Burst, seed = 1) {
  const f0 = burst.f0 ?? 140
  const a = Math.round(burst.start * TEST_RATE)
  const n = Math.round(burst.duration * TEST_RATE)
  let phase = 0
  for (let i = 0; i < n && a + i < out.length; i++) {
    const t = i / TEST_RATE
    const f = f0 * (1 + 0.15 * Math.sin(2 * Math.PI * 0.7 * t + seed))
    phase += (2 * Math.PI * f) / TEST_RATE
    let v = 0
    for (let h = 1; h <= 8; h++) v += Math.sin(h * phase + h * seed) / h
    const syllable = 0.55 - 0.45 * Math.cos(2 * Math.PI * 4.3 * t)
    const edge = Math.min(1, t / 0.005, (burst.duration - t) / 0.005)
    if (a + i >= 0) out[a + i]! += 0.3 * v * syllable * edge
  }
}

/**
 * Stationary chords, like hold music. With `breaks`, the sound drops 26 dB for 50 ms every 0.4 s (a
 * tremolo organ, a rhythm of rests): music with just enough dips that the dip heuristic keeps it.
 */
export function addChords(out: Float32Array, start: number, duration: number, breaks = false) {
  const a = Math.round(start * TEST_RATE)
  for (let i = 0; i < duration * TEST_RATE && a + i < out.length; i++) {
    const t = i / TEST_RATE
    const chord = Math.floor(t / 1.5) % 2 === 0 ? [261.6, 329.6, 392] : [220, 261.6, 329.6]
    let v = 0
    for (const f of chord) v += Math.sin(2 * Math.PI * f * t)
    out[a + i]! += 0.15 * v * (breaks && t % 0.4 < 0.05 ? 0.05 : 1)
  }
}

export function addNoise(out: Float32Array, level: number, seed = 7) {
  let s = seed
  for (let i = 0; i < out.length; i++) {
    s = (s * 1103515245 + 12345) & 0x7fffffff
    out[i]! += level * (s / 0x7fffffff - 0.5)
  }
}

export function featuresOf(
  channels: Float32Array[],
  rate = TEST_RATE,
  chunk = 4096,
): AlignmentFeatures {
  const acc = new FeatureAccumulator(channels.length, rate)
  const length = channels[0]!.length
  for (let at = 0; at < length; at += chunk) {
    const n = Math.min(chunk, length - at)
    acc.push(
      channels.map((c) => c.subarray(at, at + n)),
      n,
    )
  }
  return acc.result()
}
