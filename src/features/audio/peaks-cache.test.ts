import { expect, test } from 'vitest'
import { mayHold } from './peaks-cache'

test('a probe may be held by an entry with that probe, or with none yet, or by an unreadable cache', () => {
  expect(mayHold(['a', 'b'], 'b')).toBe(true)
  expect(mayHold(['a', undefined], 'b')).toBe(true)
  expect(mayHold(undefined, 'b')).toBe(true)
  expect(mayHold(['a', 'c'], 'b')).toBe(false)
  expect(mayHold([], 'b')).toBe(false)
})
