/**
 * Deterministic speech-like test signals: words made of vowel-like harmonic phones (formant
 * envelopes over a pitch) and fricative-like noise phones, at 16 kHz. Used by the word tests.
 */
export const TEST_RATE = 16_000

export type Phone = 'a' | 'i' | 'u' | 'e' | 'o' | 'er' | 's' | 'sh' | 'm' | 'closure'

const FORMANTS: Record<string, [number, number, number]> = {
  a: [730, 1090, 2440],
  i: [270, 2290, 3010],
  u: [300, 870, 2240],
  e: [530, 1840, 2480],
  o: [570, 840, 2410],
  er: [490, 1350, 1690],
  m: [250, 1200, 2200],
}

export interface Voice {
  pitchHz: number
  gain: number
  /** Formant frequencies are multiplied by this (a longer or shorter vocal tract). */
  formantScale: number
  noise: number
}

export interface SpokenWord {
  phones: readonly Phone[]
  /** Seconds per phone. */
  durations: readonly number[]
  /** Silence before the word, seconds. */
  pauseBefore?: number
}

export interface Utterance {
  samples: Float32Array
  /** Start of each word, seconds (after its pause). */
  wordStarts: number[]
}

export function mulberry32(seed: number): () => number {
  let a = seed >>> 0
  return () => {
    a = (a + 0x6d2b79f5) >>> 0
    let t = a
    t = Math.imul(t ^ (t >>> 15), t | 1)
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61)
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296
  }
}

export function speak(words: readonly SpokenWord[], voice: Voice, seed = 1): Utterance {
  const random = mulberry32(seed)
  const total = words.reduce(
    (sum, w) => sum + (w.pauseBefore ?? 0) + w.durations.reduce((a, b) => a + b, 0),
    0.2,
  )
  const samples = new Float32Array(Math.ceil(total * TEST_RATE))
  const wordStarts: number[] = []
  let at = 0.1 * TEST_RATE
  let phase = 0
  let previousNoise = 0
  for (const word of words) {
    at += (word.pauseBefore ?? 0) * TEST_RATE
    wordStarts.push(at / TEST_RATE)
    word.phones.forEach((phone, p) => {
      const length = Math.round((word.durations[p] ?? 0) * TEST_RATE)
      const amplitudes = harmonicAmplitudes(phone, voice)
      for (let i = 0; i < length; i++) {
        const t = Math.floor(at) + i
        if (t >= samples.length) break
        phase += (2 * Math.PI * voice.pitchHz) / TEST_RATE
        let value = 0
        if (phone === 's' || phone === 'sh') {
          const white = random() * 2 - 1
          value = (phone === 's' ? white - previousNoise : white + previousNoise * 0.3) * 0.25
          previousNoise = white
        } else if (phone !== 'closure') {
          amplitudes.forEach((a, h) => (value += a * Math.sin((h + 1) * phase)))
        }
        samples[t] = voice.gain * value + voice.noise * (random() * 2 - 1)
      }
      at += length
    })
  }
  for (let t = 0; t < samples.length; t++)
    if (samples[t] === 0) samples[t] = voice.noise * (random() * 2 - 1)
  return { samples, wordStarts }
}

function harmonicAmplitudes(phone: Phone, voice: Voice): number[] {
  const formants = FORMANTS[phone]
  if (!formants) return []
  const out: number[] = []
  for (let h = 1; h * voice.pitchHz < 7000; h++) {
    const f = h * voice.pitchHz
    let a = 0
    for (const [k, formant] of formants.entries()) {
      const centre = formant * voice.formantScale
      const bandwidth = 80 + 40 * k
      a += 1 / (1 + ((f - centre) / bandwidth) ** 2) / (k + 1)
    }
    out.push((phone === 'm' ? 0.4 : 1) * a * 0.2)
  }
  return out
}

/** Random words of 2–4 phones, each phone 50–140 ms. */
export function randomWords(count: number, seed: number): SpokenWord[] {
  const random = mulberry32(seed)
  const phones: Phone[] = ['a', 'i', 'u', 'e', 'o', 'er', 's', 'sh', 'm']
  return Array.from({ length: count }, () => {
    const n = 2 + Math.floor(random() * 3)
    const list: Phone[] = []
    for (let p = 0; p < n; p++) {
      let next = phones[Math.floor(random() * phones.length)] ?? 'a'
      while (next === list.at(-1)) next = phones[Math.floor(random() * phones.length)] ?? 'a'
      list.push(next)
    }
    return { phones: list, durations: list.map(() => 0.05 + random() * 0.09) }
  })
}

/** The same words with each phone stretched by a factor in [low, high]. */
export function warp(
  words: readonly SpokenWord[],
  low: number,
  high: number,
  seed: number,
): SpokenWord[] {
  const random = mulberry32(seed)
  return words.map((w) => ({
    ...w,
    durations: w.durations.map((d) => d * (low + random() * (high - low))),
  }))
}
