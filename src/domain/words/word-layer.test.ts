import { describe, expect, it } from 'vitest'
import type { PlacedItem, Timeline } from '../timeline'
import { audioWords, isCurrent, withAudioWords } from './word-layer'

function message(id: string, start: number, end: number, captured = false): PlacedItem {
  const words = ['one', 'two', 'three', 'four'].map((text, i) => ({
    text,
    start: start + i * 0.1,
    end: start + (i + 1) * 0.1,
    heard: true,
  }))
  return {
    id,
    type: 'message',
    role: 'assistant',
    lane: 'agent',
    text: 'one two three four',
    interrupted: false,
    start,
    end,
    basis: 'metrics',
    words,
    wordsEstimated: !captured,
    wordsSource: captured ? 'captured' : 'estimated',
    alternatives: [],
    source: {
      id,
      type: 'message',
      role: 'assistant',
      content: [],
      interrupted: false,
      metrics: {},
    },
  }
}

const timeline = (items: PlacedItem[]): Timeline => ({
  anchor: {
    kind: 'agent_ogg',
    t0Unix: 0,
    t0Source: 'earliest_timestamp',
    agentBias: 0,
    estimated: false,
  },
  items,
  vad: [],
})

describe('audio word layer', () => {
  it('stores starts as shares of the span they were timed in', () => {
    const words = audioWords(10, 12, [10, 10.5, 11, 13])
    expect(words.shares).toEqual([0, 0.25, 0.5, 1])
  })

  it('is current only while the message sits where it was timed', () => {
    const timed = audioWords(10, 12, [10, 11])
    expect(isCurrent(timed, message('a', 10, 12))).toBe(true)
    expect(isCurrent(timed, message('a', 10.01, 12.01))).toBe(false)
    expect(isCurrent(undefined, message('a', 10, 12))).toBe(false)
  })

  it('places the words inside the span as it is now; the words past the shares were not heard', () => {
    const layer = new Map([['a', audioWords(10, 12, [10, 10.5, 11])]])
    const [item] = withAudioWords(timeline([message('a', 20, 24)]), layer).items
    expect(item?.wordsSource).toBe('audio')
    expect(item?.words.map((w) => [w.start, w.end, w.heard])).toEqual([
      [20, 21, true],
      [21, 22, true],
      [22, 24, true],
      [24, 24, false],
    ])
  })

  it('never replaces captured words', () => {
    const captured = message('a', 10, 12, true)
    const layer = new Map([['a', audioWords(10, 12, [10, 11])]])
    expect(withAudioWords(timeline([captured]), layer).items[0]).toBe(captured)
  })
})
