import { readFileSync } from 'node:fs'
import { expect, test } from 'vitest'
import { nextRange, planOggRanges, planTimeRanges, rangeSeconds } from './decode-ranges'
import { scanOggPages } from './ogg-pages'

const demo = new Uint8Array(
  readFileSync(new URL('../../../public/demo/audio.ogg', import.meta.url)),
)

test('Ogg ranges cover the recording without gap or overlap, each starting on a bin', () => {
  const rate = 16_000
  const pages = scanOggPages(demo)
  const { totalSamples, ranges } = planOggRanges(pages, rate, 312, demo.length)
  expect(totalSamples / rate).toBeCloseTo(67.13, 1)
  expect(ranges.length).toBeGreaterThanOrEqual(3)
  expect(ranges[0]).toMatchObject({ preroll: false, emitFrom: 0, startPos: -104 })
  expect(ranges.at(-1)?.emitTo).toBe(totalSamples)
  ranges.forEach((range, i) => {
    expect(range.emitFrom % (rate / 100)).toBe(0)
    expect(range.byteStart).toBeLessThan(range.byteEnd)
    expect(range.byteEnd).toBeLessThanOrEqual(demo.length)
    // The decode starts at or before what it must keep.
    expect(range.startPos).toBeLessThanOrEqual(range.emitFrom)
    const next = ranges[i + 1]
    if (next) {
      expect(next.emitFrom).toBe(range.emitTo)
      expect(next.preroll).toBe(true)
      expect(next.byteStart).toBeLessThan(range.byteEnd)
    }
  })
  expect((ranges[0]?.emitTo ?? 0) / rate).toBeGreaterThanOrEqual(rangeSeconds(0))
})

test('time ranges are whole seconds and end at the recording end', () => {
  expect(planTimeRanges(85.2)).toEqual([
    { fromS: 0, toS: 5 },
    { fromS: 5, toS: 10 },
    { fromS: 10, toS: 70 },
    { fromS: 70, toS: 86 },
  ])
  expect(planTimeRanges(0)).toEqual([])
})

test('the range under the view goes next, then those after it, then the rest', () => {
  const pending = [
    { fromS: 0, toS: 10 },
    { fromS: 80, toS: 140 },
    { fromS: 140, toS: 200 },
  ]
  expect(nextRange(pending, 0)).toBe(0)
  expect(nextRange(pending, 150)).toBe(2)
  expect(nextRange(pending, 30)).toBe(1)
  expect(nextRange(pending, 500)).toBe(0)
})
