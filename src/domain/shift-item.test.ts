import { expect, test } from 'vitest'
import { placeCall } from './place/place-call'
import { shiftItem } from './shift-item'
import { historyFixture, timingsFixture } from './test-fixtures'

const items = placeCall({
  history: historyFixture('session-report.json'),
  timings: timingsFixture(),
}).items

test('a shifted item has the fields of its original, moved, and spreads like one', () => {
  for (const item of items) {
    const shifted = shiftItem(item, 0.25)
    expect(Object.keys(shifted).sort()).toEqual(Object.keys(item).sort())
    expect({ ...shifted }).toEqual({
      ...item,
      start: item.start + 0.25,
      end: item.end === null ? null : item.end + 0.25,
      words: item.words.map((w) => ({ ...w, start: w.start + 0.25, end: w.end + 0.25 })),
    })
    expect(shifted.words).toBe(shifted.words)
  }
})

test('no shift, no copy', () => {
  for (const item of items) expect(shiftItem(item, 0)).toBe(item)
})
