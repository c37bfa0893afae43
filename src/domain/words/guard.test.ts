import { describe, expect, it } from 'vitest'
import { guardWordStarts } from './guard'

const fallback = [1, 1.4, 1.8, 2.2, 2.6, 3.0]

describe('guardWordStarts', () => {
  it('keeps reference words that agree with the fallback within 250 ms', () => {
    const aligned = [1.02, 1.5, 1.95, 2.3, 2.62, 3.1].map((start) => ({ start, cost: 2 }))
    expect(guardWordStarts(fallback, aligned)).toEqual(
      [1.02, 1.5, 1.95, 2.3, 2.62, 3.1].map((start) => ({ start, kind: 'aligned' })),
    )
  })

  it('keeps the fallback for a word moved more than 250 ms', () => {
    const aligned = [1.02, 1.5, 2.1, 2.3, 2.62, 3.1].map((start) => ({ start, cost: 2 }))
    expect(guardWordStarts(fallback, aligned)[2]).toEqual({ start: 1.8, kind: 'estimated' })
  })

  it('keeps the fallback for a word whose path cost is an outlier', () => {
    const costs = [2, 2.1, 1.9, 6, 2.05, 1.95]
    const aligned = [1.02, 1.5, 1.95, 2.3, 2.62, 3.1].map((start, i) => ({
      start,
      cost: costs[i] ?? 0,
    }))
    const kinds = guardWordStarts(fallback, aligned).map((w) => w.kind)
    expect(kinds).toEqual(['aligned', 'aligned', 'aligned', 'estimated', 'aligned', 'aligned'])
  })

  it('measures the spread against the size of the median when the costs are below 0', () => {
    // Costs of -4 ± 0.1 and one of -3.4: within 15 % of the median's size, not an outlier.
    const costs = [-4, -4.1, -3.9, -3.4, -4.05, -3.95]
    const aligned = [1.02, 1.5, 1.95, 2.3, 2.62, 3.1].map((start, i) => ({
      start,
      cost: costs[i] ?? 0,
    }))
    expect(guardWordStarts(fallback, aligned).every((w) => w.kind === 'aligned')).toBe(true)
  })

  it('keeps the fallback for words the recording stopped before, and never goes backwards', () => {
    const aligned = [
      { start: 1.2, cost: 2 },
      { start: 1.62, cost: 2 },
      { start: undefined, cost: Infinity },
    ]
    const got = guardWordStarts([1, 1.4, 1.5], aligned)
    expect(got).toEqual([
      { start: 1.2, kind: 'aligned' },
      { start: 1.62, kind: 'aligned' },
      { start: 1.62, kind: 'estimated' },
    ])
  })

  it('labels every word estimated without a reference', () => {
    expect(guardWordStarts([1, 2], undefined)).toEqual([
      { start: 1, kind: 'estimated' },
      { start: 2, kind: 'estimated' },
    ])
  })
})
