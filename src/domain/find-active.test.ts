import { describe, expect, test } from 'vitest'
import { findActiveIndex, lastStartAtOrBefore } from './find-active'

describe('findActiveIndex over half-open [start, end) intervals', () => {
  const starts = Float64Array.from([1, 2, 3, 6])
  const ends = Float64Array.from([2, 2.5, 5, 7])

  test('edges: start is inside, end is outside', () => {
    expect(findActiveIndex(starts, ends, 1)).toBe(0)
    expect(findActiveIndex(starts, ends, 1.999)).toBe(0)
    expect(findActiveIndex(starts, ends, 2)).toBe(1)
    expect(findActiveIndex(starts, ends, 5)).toBe(-1)
  })

  test('before the first and in gaps there is none', () => {
    expect(findActiveIndex(starts, ends, 0.5)).toBe(-1)
    expect(findActiveIndex(starts, ends, 2.7)).toBe(-1)
    expect(findActiveIndex(starts, ends, 3.2)).toBe(2)
    expect(findActiveIndex(starts, ends, 5.5)).toBe(-1)
    expect(findActiveIndex(new Float64Array(), new Float64Array(), 1)).toBe(-1)
  })

  test('an earlier long interval still covers t after a short one ended (backchannel)', () => {
    const s = [0, 1]
    const e = [10, 1.5]
    expect(findActiveIndex(s, e, 1.2)).toBe(1)
    expect(findActiveIndex(s, e, 3)).toBe(0)
  })

  test('lastStartAtOrBefore agrees with a linear scan', () => {
    const sorted = Array.from({ length: 200 }, (_, i) => i * 0.37)
    for (let t = -1; t < 80; t += 0.11) {
      let expected = -1
      sorted.forEach((s, i) => (s <= t ? (expected = i) : undefined))
      expect(lastStartAtOrBefore(sorted, t)).toBe(expected)
    }
  })
})
