import { expect, it } from 'vitest'
import type { Mp4Samples } from './mp4-samples'
import { findMoovBox, lastAtOrBefore, sampleRuns, sampleSpan, topLevelBox } from './mp4-samples'

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

it('finds the last sample at or before a time', () => {
  const times = Float64Array.from([-0.02, 0, 0.02, 0.04])
  expect([-1, -0.02, 0.01, 0.02, 9].map((t) => lastAtOrBefore(times, t))).toEqual([0, 0, 1, 2, 3])
})

it('spans the bytes of the samples a time range reads, from the one at or before its start', () => {
  // Sample 2 plays at 0.04 s, at byte 120; sample 4 (0.08 s) ends at 150; chunks jump at 3.
  expect(sampleSpan(table(10), 0.05, 0.1)).toEqual({ start: 120, end: 150 })
  expect(sampleSpan(table(10, [3]), 0.05, 0.1)).toEqual({ start: 120, end: 5_150 })
  expect(sampleSpan(table(10), 0.15, Infinity)).toEqual({ start: 170, end: 200 })
})

it('reads a top-level box header: plain, large, and to the end of the file', () => {
  const header = (size: number, type: string, large = 0n) => {
    const bytes = new Uint8Array(16)
    const view = new DataView(bytes.buffer)
    view.setUint32(0, size)
    bytes.set(
      [...type].map((c) => c.charCodeAt(0)),
      4,
    )
    view.setBigUint64(8, large)
    return bytes
  }
  expect(topLevelBox(header(24, 'ftyp'), 0, 1000)).toEqual({ type: 'ftyp', size: 24 })
  expect(topLevelBox(header(1, 'mdat', 900n), 24, 1000)).toEqual({ type: 'mdat', size: 900 })
  expect(topLevelBox(header(0, 'mdat'), 100, 1000)).toEqual({ type: 'mdat', size: 900 })
  // Past the file's end, or smaller than a header: no box.
  expect(topLevelBox(header(2000, 'mdat'), 0, 1000)).toBeUndefined()
  expect(topLevelBox(header(4, 'free'), 0, 1000)).toBeUndefined()
})

/** A file of boxes of the given types and sizes, each its 8-byte header and zeros. */
function file(...layout: [type: string, size: number][]): Uint8Array {
  const bytes = new Uint8Array(layout.reduce((sum, [, size]) => sum + size, 0))
  const view = new DataView(bytes.buffer)
  let at = 0
  for (const [type, size] of layout) {
    view.setUint32(at, size)
    bytes.set(
      [...type].map((c) => c.charCodeAt(0)),
      at + 4,
    )
    at += size
  }
  return bytes
}

it('finds the moov after the samples, telling the reader it is past them', async () => {
  const bytes = file(['ftyp', 24], ['free', 8], ['mdat', 200], ['moov', 40])
  const reads: [number, number, boolean][] = []
  const moov = await findMoovBox(bytes.length, (start, end, pastSamples) => {
    reads.push([start, end, pastSamples])
    return Promise.resolve(bytes.subarray(start, end))
  })
  expect(moov).toEqual(bytes.subarray(232, 272))
  expect(reads.at(-1)).toEqual([232, 272, true])
  expect(reads[0]).toEqual([0, 16, false])
})

it('finds no moov in a file that is no MP4, nor in a fragmented one', async () => {
  const read = (bytes: Uint8Array) => (start: number, end: number) =>
    Promise.resolve(bytes.subarray(start, end))
  const notMp4 = file(['free', 24], ['moov', 40])
  expect(await findMoovBox(notMp4.length, read(notMp4))).toBeUndefined()
  const fragmented = file(['ftyp', 24], ['moof', 40], ['mdat', 100], ['moov', 40])
  expect(await findMoovBox(fragmented.length, read(fragmented))).toBeUndefined()
})
