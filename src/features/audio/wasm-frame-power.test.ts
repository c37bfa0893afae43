import { expect, test } from 'vitest'
import { RealFft } from '../../domain/audio/fft'
import { FeatureAccumulator } from '../../domain/audio/features'
import { FFT_SIZE, WINDOW } from '../../domain/audio/feature-spec'
import { loadWasmFramePower } from './wasm-frame-power'

function noise(length: number, seed: number): Float32Array {
  return Float32Array.from({ length }, () => {
    seed = (seed * 1_103_515_245 + 12_345) % 2 ** 31
    return seed / 2 ** 31 - 0.5
  })
}

test('the WASM power spectrum is RealFft’s to float32 rounding, frame after frame', async () => {
  const wasm = await loadWasmFramePower(FFT_SIZE)
  if (!wasm) throw new Error('PFFFT did not load')
  const fft = new RealFft(FFT_SIZE)
  const [got, expected] = [new Float64Array(FFT_SIZE / 2 + 1), new Float64Array(FFT_SIZE / 2 + 1)]
  for (const seed of [1, 2, 3]) {
    // As the feature frames are: WINDOW samples written, the rest left as it was (zero).
    const frame = noise(WINDOW, seed)
    wasm.input.set(frame)
    fft.input.set(frame)
    wasm.power(got)
    fft.power(expected)
    const loudest = Math.max(...expected)
    for (let k = 0; k <= FFT_SIZE / 2; k++)
      expect(Math.abs(got[k]! - expected[k]!)).toBeLessThan(1e-5 * loudest)
  }
  // The transform reads its input and leaves it: the frame's zero tail stays zero.
  expect(wasm.input.subarray(WINDOW).every((v) => v === 0)).toBe(true)
})

test('features through the WASM FFT are the same features', async () => {
  const wasm = await loadWasmFramePower(FFT_SIZE)
  if (!wasm) throw new Error('PFFFT did not load')
  // Two seconds of a tone under noise, then silence: loud, quiet and empty frames.
  const samples = noise(32_000, 7).map((n, i) =>
    i < 24_000 ? 0.3 * Math.sin(i / 9) + 0.05 * n : 0,
  )
  const [viaWasm, viaJs] = [wasm, new RealFft(FFT_SIZE)].map((spectrum) => {
    const features = new FeatureAccumulator(1, 16_000, spectrum)
    features.push([samples], samples.length)
    return features.result()
  })
  const [a, b] = [viaWasm!.channels[0]!, viaJs!.channels[0]!]
  expect(viaWasm!.frames).toBe(viaJs!.frames)
  const most = (x: Float32Array, y: Float32Array) =>
    x.reduce((m, v, i) => Math.max(m, Math.abs(v - y[i]!)), 0)
  expect(most(a.energy, b.energy)).toBeLessThan(0.01)
  expect(most(a.highEnergy, b.highEnergy)).toBeLessThan(0.01)
  expect(most(a.mfcc, b.mfcc)).toBeLessThan(0.01)
  expect(most(a.flux, b.flux)).toBeLessThan(0.05)
})
