import { describe, expect, test } from 'vitest'
import type { PlacedItem, PlacedWord } from './timeline'
import { baseWords, findActiveWord, identity, placeWords } from './word-index'

const word = (text: string, start: number, end: number, heard = true): PlacedWord => ({
  text,
  start,
  end,
  heard,
})

function message(id: string, lane: PlacedItem['lane'], words: PlacedWord[]): PlacedItem {
  const start = Math.min(...words.map((w) => w.start))
  const end = Math.max(...words.map((w) => w.end))
  return {
    id,
    type: 'message',
    lane,
    text: words.map((w) => w.text).join(' '),
    interrupted: false,
    start,
    end: lane === 'marker' ? null : end,
    basis: 'metrics',
    words,
    wordsEstimated: false,
    wordsSource: 'captured',
    alternatives: [],
    source: { type: 'message' } as PlacedItem['source'],
  }
}

describe('baseWords', () => {
  const items = [
    message('a', 'agent', [
      word('one', 0, 0.4),
      word('two', 0.4, 0.9),
      word('cut', 0.9, 1.2, false),
    ]),
    message('tool', 'marker', [word('x', 1, 1)]),
    message('b', 'user', [word('late', 2.5, 3), word('early', 2, 2.5)]),
    message('c', 'user', [word('never', 4, 5, false)]),
  ]
  const words = baseWords(items)

  test('keeps heard words of spoken items only, grouped by item', () => {
    expect([...words.groupItem]).toEqual([0, 2])
    expect([...words.groupCount]).toEqual([2, 2])
    expect([...words.groupFirst]).toEqual([0, 2])
  })

  test('sorts a group by start and remembers each word in its item', () => {
    expect([...words.start]).toEqual([0, 0.4, 2, 2.5])
    expect([...words.inItem]).toEqual([0, 1, 1, 0])
    expect([...words.spanStart]).toEqual([0, 2])
    expect([...words.spanEnd]).toEqual([0.9, 3])
  })

  test('the active word is found in the sorted group', () => {
    const index = placeWords(words, new Float64Array(items.length), identity(items.length))
    expect(findActiveWord(index, 2.1)).toEqual({ item: 2, word: 1 })
    expect(findActiveWord(index, 2.7)).toEqual({ item: 2, word: 0 })
    expect(findActiveWord(index, 1.0)).toBeUndefined()
  })
})
