import { expect, test } from 'vitest'
import { rulerNotches } from './ruler-notches'

test('a fit-width hour gets a label every few minutes, not one per second', () => {
  const notches = rulerNotches(0, 3600, 1300 / 3600)
  const labels = notches.filter((n) => n.primary).map((n) => n.time)
  expect(labels.slice(0, 3)).toEqual([0, 300, 600])
  expect(notches.length).toBeLessThan(80)
})

test('zoomed in, only the window is notched, at tenths of a second', () => {
  const notches = rulerNotches(1800, 1801.6, 800)
  expect(notches[0]?.time).toBe(1800)
  expect(notches.at(-1)?.time).toBeCloseTo(1801.6)
  expect(notches.filter((n) => n.primary).map((n) => n.time)).toContain(1800.1)
  expect(notches.length).toBeLessThan(100)
})

test('nothing for an empty window or an unknown scale', () => {
  expect(rulerNotches(5, 5, 100)).toEqual([])
  expect(rulerNotches(0, 10, 0)).toEqual([])
})
