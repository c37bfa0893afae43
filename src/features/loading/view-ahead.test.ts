import { beforeEach, describe, expect, it, vi } from 'vitest'
import type { Corrections } from '../../domain/corrections'
import { NO_CORRECTIONS } from '../../domain/corrections'
import type { Timeline } from '../../domain/timeline'
import type { AudioWordLayer } from '../../domain/words/word-layer'
import type { ViewInputs } from './view-ahead'
import { buildViewAhead } from './view-ahead'

const built: Corrections[] = []
/** The views whose review facts were computed, by the corrections they were built with. */
const facts: Corrections[] = []
vi.mock('../../store/corrected-timeline', () => ({
  reshapeAhead: () => undefined,
  correctedView: (_timeline: Timeline, corrections: Corrections) => {
    built.push(corrections)
    return { corrections }
  },
}))
vi.mock('../review/review-facts', () => ({
  reviewFacts: (view: { corrections: Corrections }) => void facts.push(view.corrections),
}))

const timeline = {} as Timeline
const words: AudioWordLayer = new Map()
const inputs = (corrections: Corrections): ViewInputs => ({ timeline, corrections, words })

describe('buildViewAhead', () => {
  beforeEach(() => {
    built.length = 0
    facts.length = 0
  })

  it('builds the view the next render will read, once', async () => {
    const corrections = { ...NO_CORRECTIONS }
    expect(
      await buildViewAhead(
        () => inputs(corrections),
        () => true,
      ),
    ).toBe(true)
    expect(built).toEqual([corrections])
    expect(facts).toEqual([corrections])
  })

  it('builds again for what landed while it built', async () => {
    const first = { ...NO_CORRECTIONS }
    const second = { ...NO_CORRECTIONS, globalOffset: 0.5 }
    let current = first
    const upcoming = () => {
      const now = inputs(current)
      current = second
      return now
    }
    expect(await buildViewAhead(upcoming, () => true)).toBe(true)
    expect(built).toEqual([first, second])
    expect(built[1]).toBe(second)
    expect(facts).toEqual([first, second])
  })

  it('stops when no longer wanted or when there is nothing to build', async () => {
    expect(
      await buildViewAhead(
        () => inputs(NO_CORRECTIONS),
        () => false,
      ),
    ).toBe(false)
    expect(built).toEqual([])
    expect(
      await buildViewAhead(
        () => undefined,
        () => true,
      ),
    ).toBe(false)
  })
})
