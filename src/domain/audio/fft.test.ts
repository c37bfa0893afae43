import { expect, test } from 'vitest'
import { RealFft } from './fft'

function dftPower(x: Float64Array): Float64Array {
  const n = x.length
  const out = new Float64Array(n / 2 + 1)
  for (let k = 0; k <= n / 2; k++) {
    let re = 0
    let im = 0
    for (let t = 0; t < n; t++) {
      const angle = (2 * Math.PI * ((k * t) % n)) / n
      re += x[t]! * Math.cos(angle)
      im -= x[t]! * Math.sin(angle)
    }
    out[k] = re * re + im * im
  }
  return out
}

test.each([8, 16, 32, 64, 128, 256, 512, 1024])(
  'the %i-point power spectrum is the DFT’s, whatever the number of radix-2 stages',
  (size) => {
    let seed = size
    const x = Float64Array.from({ length: size }, () => {
      seed = (seed * 1_103_515_245 + 12_345) % 2 ** 31
      return seed / 2 ** 31 - 0.5
    })
    const out = new Float64Array(size / 2 + 1)
    new RealFft(size).powerSpectrum(x, out)
    const expected = dftPower(x)
    for (let k = 0; k <= size / 2; k++)
      expect(Math.abs(out[k]! - expected[k]!)).toBeLessThan(1e-9 * (1 + expected[k]!))
  },
)
