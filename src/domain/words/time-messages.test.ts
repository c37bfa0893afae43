import { describe, expect, it } from 'vitest'
import type { WordJob } from './time-messages'
import { lanePaces, timeMessage } from './time-messages'
import { wordWeight } from './word-weight'

const words = ['please', 'confirm', 'the', 'postcode', 'on', 'the', 'account']
const weight = words.reduce((sum, w) => sum + wordWeight(w), 0)
/** Loud throughout: no pauses, so the words are spread by weight. */
const channels = [
  { energy: new Float32Array(3000).fill(20), highEnergy: new Float32Array(3000), speechLevelDb: 0 },
]

function job(id: string, start: number, seconds: number, interrupted = false): WordJob {
  return { id, words, start, end: start + seconds, channel: 0, lane: 'agent', interrupted }
}

describe('timeMessage', () => {
  it('times every word of a complete message', () => {
    const timed = timeMessage(job('a', 1, weight * 0.5), channels, {})
    expect(timed?.shares).toHaveLength(words.length)
    expect(timed?.shares[0]).toBe(0)
  })

  it('keeps only the words an interrupted reply had time for, at the agent own pace', () => {
    const complete = [
      job('a', 1, weight * 0.5),
      job('b', 5, weight * 0.5),
      job('c', 9, weight * 0.5),
    ]
    const paces = lanePaces(complete, {})
    expect(paces.agent).toBeCloseTo(0.5)
    const cut = timeMessage(job('d', 15, weight * 0.25, true), channels, paces)
    expect(cut?.shares.length).toBeGreaterThan(1)
    expect(cut?.shares.length).toBeLessThan(words.length)
  })

  it('keeps a lane pace known from before when a request has too few complete messages', () => {
    expect(lanePaces([job('a', 1, 2)], { agent: 0.4 }).agent).toBe(0.4)
  })
})
