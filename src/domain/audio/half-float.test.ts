import { describe, expect, it } from 'vitest'
import { fromHalves, toHalf, toHalves } from './half-float'

const roundTrip = (value: number) => fromHalves(Uint16Array.of(toHalf(value)))[0]

describe('half floats', () => {
  it('encodes the values half precision holds exactly to their standard bits', () => {
    expect(toHalf(0)).toBe(0)
    expect(toHalf(-0)).toBe(0x8000)
    expect(toHalf(1)).toBe(0x3c00)
    expect(toHalf(-2)).toBe(0xc000)
    expect(toHalf(65504)).toBe(0x7bff)
    expect(toHalf(2 ** -14)).toBe(0x0400)
    expect(toHalf(2 ** -24)).toBe(0x0001)
    expect(toHalf(Infinity)).toBe(0x7c00)
    expect(toHalf(-Infinity)).toBe(0xfc00)
    expect(Number.isNaN(roundTrip(NaN))).toBe(true)
  })

  it('rounds to the nearest half, ties to even', () => {
    // Between 1 and 1 + 2^-10, halfway is 1 + 2^-11: ties go to the even 1.
    expect(toHalf(1 + 2 ** -11)).toBe(0x3c00)
    expect(toHalf(1 + 3 * 2 ** -11)).toBe(0x3c02)
    expect(toHalf(1 + 2 ** -11 + 2 ** -20)).toBe(0x3c01)
    // A mantissa that rounds up carries into the exponent.
    expect(toHalf(2 - 2 ** -12)).toBe(0x4000)
    // Subnormals: 1.5 × 2^-24 is a tie between 1 and 2 units, to even 2.
    expect(toHalf(1.5 * 2 ** -24)).toBe(0x0002)
    expect(toHalf(2 ** -26)).toBe(0)
  })

  it('saturates finite values beyond its range instead of turning them infinite', () => {
    expect(roundTrip(1e6)).toBe(65504)
    expect(roundTrip(-70000)).toBe(-65504)
  })

  it('keeps feature-sized values within half a unit in the last place', () => {
    const values = Float32Array.from({ length: 5000 }, (_, i) => Math.sin(i) * 10 ** ((i % 7) - 2))
    const back = fromHalves(toHalves(values))
    values.forEach((value, i) => {
      const error = Math.abs((back[i] ?? 0) - value)
      expect(error).toBeLessThanOrEqual(Math.max(Math.abs(value) * 2 ** -11, 2 ** -25))
    })
    // A level in dB, as the energies are: within 0.02 dB.
    expect(Math.abs((roundTrip(-61.237) ?? 0) + 61.237)).toBeLessThan(0.02)
  })
})
