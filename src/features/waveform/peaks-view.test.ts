import { expect, test } from 'vitest'
import { peaksForWaveSurfer } from './peaks-view'

test('the peaks given to wavesurfer share the memory being filled, and slice without copying', () => {
  const filling = new Float32Array(6)
  const [view] = peaksForWaveSurfer([filling])
  filling.set([0.5, 0.25], 2)
  expect(view).toBeInstanceOf(Float32Array)
  expect(Array.from(view ?? [])).toEqual([0, 0, 0.5, 0.25, 0, 0])
  const slice = view?.slice(2, 4)
  expect(Array.from(slice ?? [])).toEqual([0.5, 0.25])
  expect(slice?.buffer).toBe(filling.buffer)
})
