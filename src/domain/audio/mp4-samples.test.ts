import { expect, it } from 'vitest'
import type { Mp4Samples } from './mp4-samples'
import { sampleRuns } from './mp4-samples'

/** Samples of 10 bytes every 0.02 s, in file chunks that start at the given samples. */
function table(count: number, chunkStarts: number[] = []): Mp4Samples {
  const offsets = new Float64Array(count)
  for (let i = 0, at = 100; i < count; i++) {
    if (chunkStarts.includes(i)) at += 5_000
    offsets[i] = at
    at += 10
  }
  const times = Float64Array.from({ length: count }, (_, i) => i * 0.02)
  return { offsets, sizes: new Uint32Array(count).fill(10), times }
}

const runs = (...args: Parameters<typeof sampleRuns>) => [...sampleRuns(...args)]

it('groups samples that follow one another, at most so many a run', () => {
  expect(runs(table(10), 0, Infinity, 4)).toEqual([
    [0, 4],
    [4, 8],
    [8, 10],
  ])
})

it('starts a new run where the file jumps to another chunk', () => {
  expect(runs(table(10, [3, 5]), 0, Infinity, 4)).toEqual([
    [0, 3],
    [3, 5],
    [5, 9],
    [9, 10],
  ])
})

it('runs from the first sample asked for to the first that plays at or after the end', () => {
  // Samples 2..4 play at 0.04..0.08 s; sample 5 at 0.1 is not taken.
  expect(runs(table(10), 2, 0.1, 2)).toEqual([
    [2, 4],
    [4, 5],
  ])
  expect(runs(table(10), 2, 0.1, 16)).toEqual([[2, 5]])
})

it('gives one sample a run when asked to, and nothing past the end', () => {
  expect(runs(table(3), 0, Infinity, 1)).toEqual([
    [0, 1],
    [1, 2],
    [2, 3],
  ])
  expect(runs(table(3), 3, Infinity, 4)).toEqual([])
})
