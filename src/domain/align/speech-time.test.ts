import { describe, expect, it } from 'vitest'
import { speechTimePriors } from './speech-time'

describe('laying turns known only by their order on the speech heard', () => {
  it('puts each turn where its share of the speech begins, pauses left out', () => {
    const segments = [
      { start: 2, end: 4 },
      { start: 10, end: 14 },
      { start: 20, end: 22 },
    ]
    // Expected durations 1, 2, 1 (total 4) against 8 s of speech: each counts double, so the
    // second turn begins after the first run of speech, the third after the second.
    const priors = speechTimePriors([1, 2, 1], segments)
    expect(priors.map((p) => p.start)).toEqual([2, 10, 20])
  })

  it('doubts the middle of a long call more than its ends', () => {
    const segments = Array.from({ length: 40 }, (_, i) => ({ start: 5 * i, end: 5 * i + 3 }))
    const priors = speechTimePriors(new Array<number>(40).fill(3), segments)
    expect(priors[20]!.sigma).toBeGreaterThan(priors[0]!.sigma)
    expect(priors[20]!.sigma).toBeGreaterThan(priors[39]!.sigma)
  })

  it('still answers with no speech at all, with a wide doubt', () => {
    const priors = speechTimePriors([1, 2], [])
    expect(priors.every((p) => p.sigma >= 30)).toBe(true)
  })
})
