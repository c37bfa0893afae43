import type { BroadClass } from './broad-classes'

/** The classes a frame can be: the word classes, and a pause between words. */
export type FrameClass = BroadClass | 'pause'

export const FRAME_CLASSES: readonly FrameClass[] = [
  'vowel',
  'sonorant',
  'fricative',
  'stop',
  'pause',
]

/** One channel's features over a span (`ChannelFeatures`), frames [startFrame, endFrame). */
export interface SpanFeatures {
  /** 150–4000 Hz band energy, dB. */
  energy: Float32Array
  /** 2–6 kHz band energy, dB. */
  highEnergy: Float32Array
  startFrame: number
  endFrame: number
}

/** Where a class sits in the two normalised features, and how wide. */
interface ClassTarget {
  loudness: number
  loudnessWidth: number
  /** Robust z of high band minus low band; `undefined`: the class says nothing about it. */
  hiss?: number
}

/**
 * Targets on per-span normalised axes, set from phonetics, not fitted to a voice: loudness 0 is
 * the span's floor and 1 its loud end; hiss is 0 at the span's median and ±1 a scaled MAD.
 */
const TARGETS: Record<FrameClass, ClassTarget> = {
  vowel: { loudness: 0.85, loudnessWidth: 0.2, hiss: -0.5 },
  sonorant: { loudness: 0.6, loudnessWidth: 0.2, hiss: -0.5 },
  fricative: { loudness: 0.4, loudnessWidth: 0.25, hiss: 1.5 },
  stop: { loudness: 0.15, loudnessWidth: 0.2 },
  pause: { loudness: 0, loudnessWidth: 0.12 },
}
const HISS_WIDTH = 1.2
const SILENCE_DB = -90
const LOUD_FRACTION = 0.3

/** Per-frame cost of each class (class-major: class k at k × frames), lower is likelier. */
export function classCosts(span: SpanFeatures): Float32Array {
  const frames = span.endFrame - span.startFrame
  const loudness = new Float32Array(frames)
  const hiss = new Float32Array(frames)
  const energy = span.energy.subarray(span.startFrame, span.endFrame)
  // Digital silence (a clean TTS channel) is no level: the floor is that of the audible frames.
  const audible = energy.filter((e) => e > SILENCE_DB)
  const floor = quantile(audible, 0.05)
  const top = quantile(audible, 0.97)
  const range = Math.max(6, top - floor)
  for (let t = 0; t < frames; t++) {
    const e = Math.max(SILENCE_DB, energy[t] ?? SILENCE_DB)
    loudness[t] = Math.min(1.2, Math.max(0, (e - floor) / range))
    hiss[t] = Math.max(SILENCE_DB, span.highEnergy[span.startFrame + t] ?? SILENCE_DB) - e
  }
  const heard = hiss.filter((_, t) => (loudness[t] ?? 0) > LOUD_FRACTION)
  const centre = quantile(heard, 0.5)
  const spread =
    1.4826 *
      quantile(
        heard.map((h) => Math.abs(h - centre)),
        0.5,
      ) +
    1
  const costs = new Float32Array(FRAME_CLASSES.length * frames)
  FRAME_CLASSES.forEach((cls, k) => {
    const target = TARGETS[cls]
    for (let t = 0; t < frames; t++) {
      const dl = ((loudness[t] ?? 0) - target.loudness) / target.loudnessWidth
      let cost = 0.5 * dl * dl
      if (target.hiss !== undefined) {
        const dh = (((hiss[t] ?? 0) - centre) / spread - target.hiss) / HISS_WIDTH
        cost += 0.5 * dh * dh
      }
      costs[k * frames + t] = cost
    }
  })
  return costs
}

function quantile(values: Float32Array, q: number): number {
  if (values.length === 0) return 0
  const sorted = Float32Array.from(values).sort()
  return sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))] ?? 0
}
