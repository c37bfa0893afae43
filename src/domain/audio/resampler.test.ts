import { expect, test } from 'vitest'
import { FEATURE_RATE } from './feature-spec'
import { Resampler } from './resampler'

/**
 * The filter evaluated at every output position of the whole signal at once, as the class defines
 * it: the signal is silent before its start, and an output between two input samples is the
 * straight line between the filter's values at both.
 */
function reference(resampler: Resampler, input: Float32Array, rate: number, count: number) {
  const taps = (resampler as unknown as { taps: Float64Array }).taps
  const mid = (taps.length - 1) / 2
  const at = (i: number) => (i < 0 ? 0 : input[i]!)
  const filter = (centre: number) => taps.reduce((sum, w, t) => sum + w * at(centre - mid + t), 0)
  let position = 0
  return Array.from({ length: count }, () => {
    const base = Math.floor(position)
    const frac = position - base
    position += rate / FEATURE_RATE
    const a = filter(base)
    return a + (filter(base + 1) - a) * frac
  })
}

test.each([48_000, 44_100, 22_050, 8_000])(
  'fed in blocks of any size, %i Hz comes out as the filter over the whole signal',
  (rate) => {
    const input = Float32Array.from(
      { length: 9_000 },
      (_, i) => 0.1 + Math.sin(i * 0.37) * ((i * 7919) % 13) * 0.05,
    )
    const resampler = new Resampler(rate)
    const out = new Float32Array(resampler.capacity(input.length))
    let written = 0
    for (let from = 0, size = 1; from < input.length; from += size, size = (size * 7 + 3) % 997) {
      const block = input.slice(from, from + size)
      written += resampler.push(block, block.length, out.subarray(written))
    }
    expect(written).toBeGreaterThan((input.length * FEATURE_RATE) / rate - 20)
    // To float32's rounding: the class adds its taps up in another order.
    const expected = reference(resampler, input, rate, written)
    const worst = expected.reduce((most, value, i) => Math.max(most, Math.abs(out[i]! - value)), 0)
    expect(worst).toBeLessThan(1e-6)
  },
)
