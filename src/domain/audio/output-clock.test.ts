import { describe, expect, it } from 'vitest'
import { OutputClock } from './output-clock'

const RATE = 48_000

describe('OutputClock', () => {
  it('places the first output at the first packet, whatever the decoder stamped', () => {
    const clock = new OutputClock(-0.0213)
    expect(clock.place(0, 1024, RATE)).toBe(-1022)
    expect(clock.place(21_333, 1024, RATE)).toBe(2)
  })

  it('runs outputs end to end when their stamps are rounded or jitter', () => {
    const clock = new OutputClock(10)
    const at = [0, 23_999, 48_001, 72_000].map((us) => clock.place(10e6 + us, 1152, RATE))
    expect(at).toEqual([480_000, 481_152, 482_304, 483_456])
  })

  it('follows the stamps across a gap of a whole output or more', () => {
    const clock = new OutputClock(0)
    clock.place(0, 1152, RATE)
    expect(clock.place(48_000, 1152, RATE)).toBe(2304)
    expect(clock.place(72_000, 1152, RATE)).toBe(3456)
  })
})
