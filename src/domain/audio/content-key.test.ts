import { expect, test } from 'vitest'
import { evictionsFor } from './cache-eviction'
import { keySpans, KEY_SLICE_BYTES, KEY_SLICES, probeSpans } from './content-key'

test('a small file is hashed whole; a large one in evenly spread slices that include both ends', () => {
  expect(keySpans(1000)).toEqual([{ start: 0, end: 1000 }])
  const size = 1_000_000_000
  const spans = keySpans(size)
  expect(spans).toHaveLength(KEY_SLICES)
  expect(spans[0]?.start).toBe(0)
  expect(spans.at(-1)?.end).toBe(size)
  expect(spans.reduce((n, s) => n + s.end - s.start, 0)).toBe(KEY_SLICES * KEY_SLICE_BYTES)
})

test('eviction drops the least recently used entries until the rest fits', () => {
  const entries = [
    { key: 'a', bytes: 40, usedAt: 3 },
    { key: 'b', bytes: 40, usedAt: 1 },
    { key: 'c', bytes: 40, usedAt: 2 },
  ]
  expect(evictionsFor(entries, 200)).toEqual([])
  expect(evictionsFor(entries, 80)).toEqual(['b'])
  expect(evictionsFor(entries, 39)).toEqual(['b', 'c', 'a'])
})

test("the probe is the key's first and last slices, available before the middle of a download", () => {
  const size = 11_637_041
  const spans = keySpans(size)
  expect(probeSpans(size)).toEqual([spans[0], spans.at(-1)])
  expect(probeSpans(1000)).toEqual([{ start: 0, end: 1000 }])
})
