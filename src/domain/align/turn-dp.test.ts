import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import type { Segment } from './speech-segments'
import type { DpTurn } from './turn-dp'
import { alignTurns } from './turn-dp'

const turn = (prior: number, duration: number, sigma = 0.5, interrupted = false): DpTurn => ({
  prior,
  duration,
  sigma,
  interrupted,
})

describe('turn → segment DP', () => {
  it('takes each turn to the speech at its prior, merging a turn’s internal pause', () => {
    const segments: Segment[] = [
      { start: 1, end: 3 },
      { start: 4, end: 5.2 },
      { start: 5.5, end: 6.5 },
      { start: 8, end: 10 },
    ]
    const matches = alignTurns(segments, [turn(1.2, 2), turn(4.3, 2.5), turn(7.6, 2)])
    expect(matches).toEqual([
      { first: 0, last: 0 },
      { first: 1, last: 2 },
      { first: 3, last: 3 },
    ])
  })

  it('leaves a turn unmatched where its audio is missing instead of stealing a neighbour', () => {
    const segments: Segment[] = [
      { start: 1, end: 3 },
      { start: 9, end: 11 },
    ]
    const matches = alignTurns(segments, [turn(1, 2), turn(5, 2), turn(9, 2)])
    expect(matches).toEqual([{ first: 0, last: 0 }, undefined, { first: 1, last: 1 }])
  })

  it('never starts a turn on a short backchannel just before it', () => {
    const segments: Segment[] = [
      { start: 1, end: 4 },
      { start: 4.6, end: 4.9 },
      { start: 5.4, end: 8 },
    ]
    const matches = alignTurns(segments, [turn(1, 3), turn(5.2, 2.6)])
    expect(matches[1]?.first).toBe(2)
  })

  it('is monotonic and never uses a segment twice, whatever the input', () => {
    const arbitrary = fc.record({
      gaps: fc.array(
        fc.tuple(
          fc.double({ min: 0.05, max: 3, noNaN: true }),
          fc.double({ min: 0.1, max: 4, noNaN: true }),
        ),
        { minLength: 1, maxLength: 25 },
      ),
      turns: fc.array(
        fc.tuple(
          fc.double({ min: 0, max: 60, noNaN: true }),
          fc.double({ min: 0.3, max: 6, noNaN: true }),
          fc.boolean(),
        ),
        { minLength: 1, maxLength: 15 },
      ),
    })
    fc.assert(
      fc.property(arbitrary, ({ gaps, turns }) => {
        let t = 0
        const segments = gaps.map(([gap, length]) => {
          const s = { start: t + gap, end: t + gap + length }
          t = s.end
          return s
        })
        const priors = turns.map(([p]) => p).sort((a, b) => a - b)
        const matches = alignTurns(
          segments,
          turns.map(([, d, cut], i) => turn(priors[i]!, d, 1, cut)),
        )
        let next = 0
        for (const m of matches) {
          if (!m) continue
          expect(m.first).toBeGreaterThanOrEqual(next)
          expect(m.last).toBeGreaterThanOrEqual(m.first)
          next = m.last + 1
        }
        expect(next).toBeLessThanOrEqual(segments.length)
      }),
      { numRuns: 200 },
    )
  })
})
