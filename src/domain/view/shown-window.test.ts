import { describe, expect, test } from 'vitest'
import type { PlacedItem } from '../timeline'
import { builtWindow, itemsInWindow, windowAfterZoom, windowServes } from './shown-window'

const HOUR = 3600

describe('windowAfterZoom', () => {
  const view = { duration: HOUR, width: 1200, scrollLeft: 0, cursor: 0 }

  test('at fit width, or a level under it, the whole recording shows', () => {
    expect(windowAfterZoom({ ...view, fromPxPerSecond: 100, toPxPerSecond: 0 })).toEqual({
      start: 0,
      end: HOUR,
    })
    expect(windowAfterZoom({ ...view, fromPxPerSecond: 0, toPxPerSecond: 0.2 })).toEqual({
      start: 0,
      end: HOUR,
    })
  })

  test('the cursor stays where it is on screen', () => {
    // At 20 px/s, the cursor at 1,000 s sits 300 px into a view scrolled to 950 s.
    const shown = windowAfterZoom({
      ...view,
      scrollLeft: 950 * 20,
      cursor: 1000,
      fromPxPerSecond: 20,
      toPxPerSecond: 100,
    })
    expect(shown.start).toBeCloseTo(1000 - 1000 / 100, 6)
    expect(shown.end - shown.start).toBeCloseTo(12, 6)
  })

  test('from fit width, the cursor keeps its share of the view', () => {
    // Fit: 1 px = 3 s, so the cursor at 1,800 s is 600 px in.
    const shown = windowAfterZoom({ ...view, cursor: 1800, fromPxPerSecond: 0, toPxPerSecond: 20 })
    expect(shown.start).toBeCloseTo(1800 - 600 / 20, 6)
    expect(shown.end).toBeCloseTo(1800 + 600 / 20, 6)
  })

  test('the window never runs past either end', () => {
    const atEnd = windowAfterZoom({
      ...view,
      scrollLeft: HOUR * 20 - 1200,
      cursor: HOUR,
      fromPxPerSecond: 20,
      toPxPerSecond: 400,
    })
    expect(atEnd.end).toBeCloseTo(HOUR, 6)
    const atStart = windowAfterZoom({ ...view, cursor: 0, fromPxPerSecond: 20, toPxPerSecond: 400 })
    expect(atStart.start).toBe(0)
  })
})

describe('builtWindow and windowServes', () => {
  test('a screen either side is built; a view at an end builds everything past it', () => {
    expect(builtWindow({ start: 100, end: 160 }, HOUR)).toEqual({
      start: 40,
      end: 220,
      shownSpan: 60,
    })
    expect(builtWindow({ start: 0, end: 60 }, HOUR).start).toBe(-Infinity)
    expect(builtWindow({ start: 0, end: HOUR }, HOUR)).toEqual({
      start: -Infinity,
      end: Infinity,
      shownSpan: HOUR,
    })
  })

  test('a scroll inside the built window needs no rebuild; one out of it does', () => {
    const built = builtWindow({ start: 100, end: 160 }, HOUR)
    expect(windowServes(built, { start: 130, end: 190 })).toBe(true)
    expect(windowServes(built, { start: 180, end: 240 })).toBe(false)
  })

  test('a zoom in rebuilds although the old window still covers the new one', () => {
    const built = builtWindow({ start: 0, end: HOUR }, HOUR)
    expect(windowServes(built, { start: 120, end: 126 })).toBe(false)
  })
})

describe('itemsInWindow', () => {
  const item = (id: string, start: number, end: number | null) =>
    ({ id, start, end }) as unknown as PlacedItem

  test('keeps items overlapping the window, markers by their start', () => {
    const items = [
      item('before', 0, 9),
      item('across-start', 8, 12),
      item('inside', 12, 14),
      item('across-end', 19, 25),
      item('marker', 15, null),
      item('after', 21, 30),
    ]
    const ids = itemsInWindow(items, { start: 10, end: 20 }).map((i) => i.id)
    expect(ids).toEqual(['across-start', 'inside', 'across-end', 'marker'])
  })
})
