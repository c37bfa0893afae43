import { expect, test } from 'vitest'
import { entriesOfSize, mayHold } from './peaks-cache'

test('a probe may be held by an entry with that probe, or with none yet, or by an unreadable cache', () => {
  const entries = (...probes: (string | undefined)[]) =>
    probes.map((probe, i) => ({ key: `k${i}`, ...(probe ? { probe } : {}) }))
  expect(mayHold(entries('a', 'b'), 'b')).toBe(true)
  expect(mayHold(entries('a', undefined), 'b')).toBe(true)
  expect(mayHold(undefined, 'b')).toBe(true)
  expect(mayHold(entries('a', 'c'), 'b')).toBe(false)
  expect(mayHold([], 'b')).toBe(false)
})

test('only entries stored with the very size are looked up ahead of the probe', () => {
  const entries = [
    { key: 'a', size: 1000 },
    { key: 'b', size: 2000 },
    { key: 'c' },
    { key: 'd', size: 1000, probe: 'p' },
  ]
  expect(entriesOfSize(entries, 1000).map((e) => e.key)).toEqual(['a', 'd'])
  expect(entriesOfSize(entries, 3000)).toEqual([])
  expect(entriesOfSize(undefined, 1000)).toEqual([])
})
