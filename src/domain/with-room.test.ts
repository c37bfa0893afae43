import { expect, test } from 'vitest'
import { withRoom } from './with-room'

test('an array with room is kept; one without grows to at least double, keeping what is asked', () => {
  const roomy = new Float32Array([1, 2, 3])
  expect(withRoom(roomy, 3)).toBe(roomy)
  const doubled = withRoom(roomy, 4)
  expect(doubled).toBeInstanceOf(Float32Array)
  expect(Array.from(doubled)).toEqual([1, 2, 3, 0, 0, 0])
  expect(withRoom(roomy, 10).length).toBe(10)
  const partly = withRoom(new Float64Array([5, 6, 7]), 4, 2)
  expect(partly).toBeInstanceOf(Float64Array)
  expect(Array.from(partly)).toEqual([5, 6, 0, 0, 0, 0])
  expect(withRoom(new Uint8Array(2), 3)).toBeInstanceOf(Uint8Array)
})
