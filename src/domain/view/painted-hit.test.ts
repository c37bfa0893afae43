import { describe, expect, test } from 'vitest'
import type { Lane, PlacedItem } from '../timeline'
import { paintedItemAt } from './painted-hit'

const item = (id: string, lane: Lane, start: number, end: number | null) =>
  ({ id, lane, start, end }) as unknown as PlacedItem
const bandOf = (i: PlacedItem) => (i.lane === 'user' ? 0 : i.lane === 'agent' ? 1 : undefined)

describe('paintedItemAt', () => {
  const items = [
    item('u1', 'user', 10, 12),
    item('a1', 'agent', 11, 15),
    item('tool', 'marker', 15.5, null),
    item('u2', 'user', 20, 20.4),
  ]

  test('takes the region of the band under the pointer, not the other lane’s', () => {
    expect(paintedItemAt(items, bandOf, { time: 11.5, band: 0, slop: 0.1 })?.id).toBe('u1')
    expect(paintedItemAt(items, bandOf, { time: 11.5, band: 1, slop: 0.1 })?.id).toBe('a1')
  })

  test('a pointer within the slop of a narrow region takes it; further away takes nothing', () => {
    expect(paintedItemAt(items, bandOf, { time: 20.5, band: 0, slop: 0.2 })?.id).toBe('u2')
    expect(paintedItemAt(items, bandOf, { time: 20.7, band: 0, slop: 0.2 })).toBeUndefined()
    expect(paintedItemAt(items, bandOf, { time: 17, band: 1, slop: 0.2 })).toBeUndefined()
  })

  test('a marker is taken in either band, by its start', () => {
    expect(paintedItemAt(items, bandOf, { time: 15.6, band: 0, slop: 0.2 })?.id).toBe('tool')
    expect(paintedItemAt(items, bandOf, { time: 15.6, band: 1, slop: 0.2 })?.id).toBe('tool')
  })

  test('the nearest wins, and one the pointer is inside beats one within the slop', () => {
    const close = [item('a', 'user', 0, 1), item('b', 'user', 1.05, 2)]
    expect(paintedItemAt(close, bandOf, { time: 0.99, band: 0, slop: 0.2 })?.id).toBe('a')
    expect(paintedItemAt(close, bandOf, { time: 1.04, band: 0, slop: 0.2 })?.id).toBe('b')
    expect(paintedItemAt(close, bandOf, { time: 1.5, band: 0, slop: 0.2 })?.id).toBe('b')
  })
})
