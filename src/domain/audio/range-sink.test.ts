import { expect, test } from 'vitest'
import { binPeaks } from './peaks'
import { PeakAssembly } from './range-assembly'
import { RangeSink } from './range-sink'

const ramp = (n: number) => Float32Array.from({ length: n }, (_, i) => Math.sin(i / 7) * (i / n))

test('a sink keeps only its samples, whatever the block sizes and overlaps', () => {
  const rate = 1000
  const all = ramp(3000)
  const sink = new RangeSink(1, rate, 1000, 2000)
  // Blocks of 300 from -150, the last one overlapping the previous.
  for (let at = -150; at < 3000; at += 300) {
    const from = Math.max(0, at)
    sink.take([all.subarray(from, at + 300)], at + 300 - from, from)
  }
  sink.take([all.subarray(1500, 1700)], 200, 1500)
  const result = sink.result()
  expect(result).toMatchObject({ startSample: 1000, samples: 1000, sampleRate: rate })
  expect(Array.from(result.peaks[0] ?? [])).toEqual(
    Array.from(binPeaks(all.subarray(1000, 2000), rate)),
  )
  expect(sink.full).toBe(true)
})

test('peaks placed out of order fill the full-length arrays in place', () => {
  const assembly = new PeakAssembly(2, 0.5)
  const arrays = assembly.peaks
  assembly.place(30, [
    Float32Array.of(
      1,
      2,
      3,
      4,
      5,
      6,
      7,
      8,
      9,
      10,
      11,
      12,
      13,
      14,
      15,
      16,
      17,
      18,
      19,
      20,
      21,
      22,
      23,
      24,
      25,
    ),
    new Float32Array(25),
  ])
  expect(assembly.fraction).toBeCloseTo(0.4)
  assembly.place(0, [new Float32Array(30).fill(0.5), new Float32Array(30)])
  expect(assembly.fraction).toBe(1)
  expect(assembly.peaks).toBe(arrays)
  expect(arrays[0]?.[29]).toBe(0.5)
  expect(arrays[0]?.[30]).toBe(1)
  expect(arrays[0]?.[49]).toBe(20)
})

test('what was placed is kept in landing order, with each channel’s loudest bin among it', () => {
  const assembly = new PeakAssembly(2, 0.5)
  assembly.place(40, [new Float32Array(20).fill(0.25), Float32Array.of(0.1, 0.9)])
  assembly.place(0, [Float32Array.of(0.5, 0.75), new Float32Array(2)])
  // Only the 10 bins inside the recording count, and nothing past its end raises the loudest.
  assembly.place(45, [Float32Array.of(0, 0, 0, 0, 0, 9), new Float32Array(6)])
  expect(assembly.placed.spans).toEqual([
    { from: 40, to: 50 },
    { from: 0, to: 2 },
    { from: 45, to: 50 },
  ])
  expect(assembly.placed.loudest).toEqual([0.75, 0.8999999761581421])
})
