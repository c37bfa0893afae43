import { describe, expect, it } from 'vitest'
import { refineOnset } from './onset'
import { addNoise, addSpeech, featuresOf, TEST_RATE } from './test-signals'

/** A soft hiss (an /f/ or /s/): white noise over a short stretch. */
function addHiss(out: Float32Array, start: number, duration: number, level: number) {
  const hiss = new Float32Array(Math.round(duration * TEST_RATE))
  addNoise(hiss, level, 99)
  out.set(
    hiss.map((v, i) => v + out[Math.round(start * TEST_RATE) + i]!),
    Math.round(start * TEST_RATE),
  )
}

describe('the first audible frame of a turn', () => {
  it('counts a weak initial consonant before the voice as the start', () => {
    const signal = new Float32Array(3 * TEST_RATE)
    addNoise(signal, 0.004)
    addHiss(signal, 1.0, 0.08, 0.03)
    addSpeech(signal, { start: 1.08, duration: 1 })
    const channel = featuresOf([signal]).channels[0]!
    // Energy hysteresis found the voiced part; the hiss began 80 ms earlier.
    expect(Math.abs(refineOnset(channel, 1.08) - 1.0)).toBeLessThan(0.02)
  })

  it('leaves the start alone where nothing rises out of the noise', () => {
    const signal = new Float32Array(3 * TEST_RATE)
    addNoise(signal, 0.004)
    const channel = featuresOf([signal]).channels[0]!
    expect(refineOnset(channel, 1.5)).toBe(1.5)
  })
})
