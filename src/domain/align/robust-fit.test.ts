import { describe, expect, it } from 'vitest'
import { fitClock } from './robust-fit'

describe('clock fit', () => {
  const points = Array.from({ length: 60 }, (_, i) => {
    const x = i * 30
    const group = i % 2
    const bias = group === 0 ? -0.4 : 0.7
    // 200 ppm drift, ±20 ms jitter, and three wild outliers.
    const noise = ((i * 7919) % 41) / 1000 - 0.02
    const outlier = i % 20 === 7 ? 3 : 0
    return { x, y: x + bias + 200e-6 * x + noise + outlier, group }
  })

  it('recovers per-lane offsets and the drift on a long call despite outliers', () => {
    const fit = fitClock(points, 2, Number.POSITIVE_INFINITY)
    expect(fit.bias[0]).toBeCloseTo(-0.4, 1)
    expect(fit.bias[1]).toBeCloseTo(0.7, 1)
    expect(Math.abs(fit.rate - 200e-6)).toBeLessThan(20e-6)
  })

  it('holds the rate near 0 under a tight prior, as on a short call', () => {
    const short = points.slice(0, 8)
    const fit = fitClock(short, 2, 1e-6)
    expect(Math.abs(fit.rate)).toBeLessThan(5e-6)
  })
})
