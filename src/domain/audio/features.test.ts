import { expect, test } from 'vitest'
import { FEATURE_RATE, FeatureAccumulator, MFCC_COUNT } from './features'

const HOP = 160
const WINDOW = 400
const SIZE = 512
const BANDS = 24

/** The frame of alignment.md §3.1 the slow, obvious way: dense DFT, dense filterbank, direct DCT. */
function referenceFeatures(signal: Float32Array) {
  const binHz = FEATURE_RATE / SIZE
  const mel = (hz: number) => 2595 * Math.log10(1 + hz / 700)
  const hzOf = (m: number) => 700 * (10 ** (m / 2595) - 1)
  const edge = (i: number) => hzOf(mel(100) + ((mel(7000) - mel(100)) * i) / (BANDS + 1))
  const frames = Math.ceil(signal.length / HOP)
  const out = { energy: [] as number[], highEnergy: [] as number[], flux: [] as number[] }
  const mfcc: number[] = []
  let previous: number[] | undefined
  for (let f = 0; f < frames; f++) {
    const x = Array.from({ length: SIZE }, (_, i) =>
      i < WINDOW
        ? (signal[f * HOP + i] ?? 0) * (0.5 - 0.5 * Math.cos((2 * Math.PI * i) / (WINDOW - 1)))
        : 0,
    )
    const power = Array.from({ length: SIZE / 2 + 1 }, (_, k) => {
      let re = 0
      let im = 0
      for (let t = 0; t < SIZE; t++) {
        re += x[t]! * Math.cos((2 * Math.PI * ((k * t) % SIZE)) / SIZE)
        im -= x[t]! * Math.sin((2 * Math.PI * ((k * t) % SIZE)) / SIZE)
      }
      return re * re + im * im
    })
    const sum = (fromHz: number, toHz: number) =>
      power.reduce((s, p, k) => (k * binHz >= fromHz && k * binHz <= toHz ? s + p : s), 0)
    out.energy.push(10 * Math.log10(sum(150, 4000) + 1e-10))
    out.highEnergy.push(10 * Math.log10(sum(2000, 6000) + 1e-10))
    const logMel = Array.from({ length: BANDS }, (_, b) => {
      const [lo, centre, hi] = [edge(b), edge(b + 1), edge(b + 2)]
      const weight = (hz: number) =>
        Math.max(0, Math.min((hz - lo) / (centre - lo), (hi - hz) / (hi - centre)))
      return Math.log(power.reduce((s, p, k) => s + weight(k * binHz) * p, 0) + 1e-8)
    })
    out.flux.push(previous ? logMel.reduce((s, v, b) => s + Math.max(0, v - previous![b]!), 0) : 0)
    previous = logMel
    for (let c = 0; c < MFCC_COUNT; c++)
      mfcc.push(
        logMel.reduce(
          (s, v, b) => s + v * Math.cos((Math.PI * c * (b + 0.5)) / BANDS) * Math.sqrt(2 / BANDS),
          0,
        ),
      )
  }
  return { frames, ...out, mfcc }
}

/** Half a second of vowel-like harmonics, a fricative-like noise burst, then digital silence. */
function syntheticSpeech(): Float32Array {
  let seed = 7
  const noise = () => {
    seed = (seed * 1_103_515_245 + 12_345) % 2 ** 31
    return seed / 2 ** 31 - 0.5
  }
  return Float32Array.from({ length: Math.round(0.9 * FEATURE_RATE) + 37 }, (_, i) => {
    const t = i / FEATURE_RATE
    if (t < 0.5)
      return [180, 360, 540, 1800, 2600].reduce(
        (s, hz) => s + 0.1 * Math.sin(2 * Math.PI * hz * t),
        0,
      )
    return t < 0.75 ? 0.3 * noise() : 0
  })
}

function expectClose(actual: ArrayLike<number>, expected: readonly number[]) {
  expect(actual.length).toBe(expected.length)
  for (let i = 0; i < expected.length; i++)
    expect(Math.abs(actual[i]! - expected[i]!)).toBeLessThan(
      1e-4 * Math.max(1, Math.abs(expected[i]!)),
    )
}

test('the features are the straightforward computation’s, to float rounding', () => {
  const signal = syntheticSpeech()
  const accumulator = new FeatureAccumulator(1, FEATURE_RATE)
  for (let at = 0; at < signal.length; at += 1234)
    accumulator.push([signal.subarray(at, at + 1234)], Math.min(1234, signal.length - at))
  const { frames, channels } = accumulator.result()
  const expected = referenceFeatures(signal)
  expect(frames).toBe(expected.frames)
  const [actual] = channels
  expectClose(actual!.energy, expected.energy)
  expectClose(actual!.highEnergy, expected.highEnergy)
  expectClose(actual!.flux, expected.flux)
  expectClose(actual!.mfcc, expected.mfcc)
})

test('no frame is lost where the feature columns grow (every 4,096 frames and its doublings)', () => {
  const seconds = 85
  const tone = Float32Array.from(
    { length: seconds * FEATURE_RATE },
    (_, i) => 0.5 * Math.sin((2 * Math.PI * 1000 * i) / FEATURE_RATE),
  )
  const accumulator = new FeatureAccumulator(1, FEATURE_RATE)
  accumulator.push([tone], tone.length)
  const { energy, flux } = accumulator.result().channels[0]!
  const steady = energy.slice(3, -3)
  expect(Math.min(...steady)).toBeGreaterThan(Math.max(...steady) - 1)
  expect(flux[4096]).toBeCloseTo(flux[4095]!, 1)
  expect(flux[8192]).toBeCloseTo(flux[8191]!, 1)
})
