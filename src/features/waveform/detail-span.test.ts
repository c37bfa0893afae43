import { expect, test } from 'vitest'
import { spanServes, spanToDraw } from './detail-span'

test('the drawn span is the view and half a view either side, inside the recording', () => {
  expect(spanToDraw({ start: 100, end: 110, pxPerSecond: 100 }, 3600)).toEqual({
    start: 95,
    end: 115,
    pxPerSecond: 100,
  })
  expect(spanToDraw({ start: 0, end: 3600, pxPerSecond: 0.4 }, 3600)).toEqual({
    start: 0,
    end: 3600,
    pxPerSecond: 0.4,
  })
})

test('a scroll inside the drawn span draws nothing; out of it, or at a new scale, it does', () => {
  const drawn = { start: 95, end: 115, pxPerSecond: 100 }
  expect(spanServes(drawn, { start: 100, end: 110, pxPerSecond: 100 }, 3600)).toBe(true)
  expect(spanServes(drawn, { start: 106, end: 116, pxPerSecond: 100 }, 3600)).toBe(false)
  expect(spanServes(drawn, { start: 100, end: 110, pxPerSecond: 200 }, 3600)).toBe(false)
  expect(spanServes(undefined, { start: 100, end: 110, pxPerSecond: 100 }, 3600)).toBe(false)
})

test('a view reaching past the end of the recording is served by a span ending there', () => {
  const drawn = { start: 3590, end: 3600, pxPerSecond: 100 }
  expect(spanServes(drawn, { start: 3595, end: 3605, pxPerSecond: 100 }, 3600)).toBe(true)
})
