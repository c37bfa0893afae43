import { describe, expect, test } from 'vitest'
import { PEAKS_PER_SECOND } from './peaks'
import { snapTime, speechEdges } from './speech-edges'

/** Peaks with speech at the given [start, end) seconds and silence elsewhere. */
function peaksWith(seconds: number, speech: [number, number][]): Float32Array {
  const peaks = new Float32Array(seconds * PEAKS_PER_SECOND).fill(0.001)
  for (const [a, b] of speech)
    peaks.fill(0.5, Math.round(a * PEAKS_PER_SECOND), Math.round(b * PEAKS_PER_SECOND))
  return peaks
}

describe('speech edges', () => {
  test('finds each phrase start and end; short pauses stay inside a phrase', () => {
    const edges = speechEdges(
      peaksWith(10, [
        [1, 2],
        [2.05, 3],
        [5, 6.5],
      ]),
    )
    expect(edges.onsets).toEqual([1, 5])
    expect(edges.offsets).toEqual([3, 6.5])
  })

  test('a click shorter than 50 ms is not speech; silence gives nothing', () => {
    expect(speechEdges(peaksWith(4, [[1, 1.02]])).onsets).toEqual([])
    expect(speechEdges(new Float32Array(400))).toEqual({ onsets: [], offsets: [] })
  })
})

describe('snapTime', () => {
  const onsets = [1, 5, 9]
  test('snaps to the nearest candidate within the tolerance', () => {
    expect(snapTime(5.1, onsets, 0.2)).toBe(5)
    expect(snapTime(4.85, onsets, 0.2)).toBe(5)
    expect(snapTime(0.95, onsets, 0.2)).toBe(1)
    expect(snapTime(9.2, onsets, 0.25)).toBe(9)
  })
  test('stays put when nothing is near', () => {
    expect(snapTime(3, onsets, 0.2)).toBe(3)
    expect(snapTime(3, [], 0.2)).toBe(3)
  })
})
