import { describe, expect, it } from 'vitest'
import { speechLevels } from '../align/speech-segments'
import { PHRASE_FINAL_LENGTHENING, fallbackWordStarts } from './fallback'
import { wordWeight } from './word-weight'

const QUIET_DB = -60
const LOUD_DB = -10
const DIP_DB = -30
const EDGE_DB = -20

interface Layout {
  energy: Float32Array
  /** True start frame of each word. */
  starts: number[]
  end: number
}

/**
 * Energy of words laid end to end: each word `weight × framesPerWeight × stretch` frames loud,
 * inside a phrase a dip whose lowest frame is just before the word, and a quiet pause before
 * listed words. The word before a pause (or the end) is drawn out, as speakers do.
 */
function layout(
  words: readonly string[],
  pausesBefore: Record<number, number>,
  stretch: (w: number) => number = () => 1,
): Layout {
  const framesPerWeight = 60
  const energy = new Float32Array(2000).fill(QUIET_DB)
  const starts: number[] = []
  let at = 20
  words.forEach((word, w) => {
    at += pausesBefore[w] ?? 0
    starts.push(at)
    const final = w === words.length - 1 || (pausesBefore[w + 1] ?? 0) > 0
    const lengthening = final ? PHRASE_FINAL_LENGTHENING : 1
    const length = Math.round(wordWeight(word) * framesPerWeight * stretch(w) * lengthening)
    energy.fill(LOUD_DB, at, at + length)
    if (w > 0 && !pausesBefore[w]) {
      energy.set([EDGE_DB, DIP_DB, EDGE_DB], at - 2)
    }
    at += length
  })
  return { energy, starts, end: at }
}

const frames = (seconds: number[]) => seconds.map((s) => Math.round(s * 100))

describe('fallbackWordStarts', () => {
  const words = [
    'Sure,',
    'I',
    'can',
    'help',
    'with',
    'that.',
    'What',
    'is',
    'your',
    'order',
    'number?',
  ]

  it('puts the words after each pause at its end and spreads the rest by syllable weight', () => {
    const { energy, starts, end } = layout(words, { 1: 25, 6: 40 })
    const got = fallbackWordStarts({
      words,
      startFrame: starts[0] ?? 0,
      endFrame: end,
      energy,
      speechLevelDb: speechLevels(energy).off,
    })
    expect(frames(got)).toEqual(starts)
  })

  it('snaps a boundary to the energy dip when durations stray from the weights', () => {
    const stretch = (w: number) => [1.1, 1, 0.9, 1.15, 0.85, 1.1, 1, 0.9, 1.1, 0.9, 1][w] ?? 1
    const { energy, starts, end } = layout(words, { 1: 25, 6: 40 }, stretch)
    const got = frames(
      fallbackWordStarts({
        words,
        startFrame: starts[0] ?? 0,
        endFrame: end,
        energy,
        speechLevelDb: speechLevels(energy).off,
      }),
    )
    const errors = got.map((g, i) => Math.abs(g - (starts[i] ?? 0)))
    expect(Math.max(...errors)).toBeLessThanOrEqual(1)
  })

  it('gives a pause to the punctuated boundary when durations alone cannot tell', () => {
    const even = ['one', 'two', 'three,', 'four', 'five', 'six']
    const { energy, starts, end } = layout(even, { 3: 20 })
    const got = frames(
      fallbackWordStarts({
        words: even,
        startFrame: starts[0] ?? 0,
        endFrame: end,
        energy,
        speechLevelDb: speechLevels(energy).off,
      }),
    )
    expect(got[3]).toBe(starts[3])
  })

  it('leaves a pause inside a stretch when there are more pauses than word boundaries', () => {
    const { energy, end } = layout(['hello', 'there'], {})
    energy.fill(QUIET_DB, 40, 52)
    energy.fill(QUIET_DB, 60, 72)
    const got = fallbackWordStarts({
      words: ['hello', 'there'],
      startFrame: 20,
      endFrame: end,
      energy,
      speechLevelDb: speechLevels(energy).off,
    })
    expect(got).toHaveLength(2)
    expect(got[0]).toBeCloseTo(0.2)
    expect(got[1]).toBeGreaterThan(0.4)
    expect(got[1]).toBeLessThan(end / 100)
  })

  it('handles no words and a one-frame span', () => {
    const energy = new Float32Array(10)
    expect(
      fallbackWordStarts({ words: [], startFrame: 0, endFrame: 10, energy, speechLevelDb: 0 }),
    ).toEqual([])
    expect(
      fallbackWordStarts({
        words: ['a', 'b'],
        startFrame: 3,
        endFrame: 4,
        energy,
        speechLevelDb: 0,
      }),
    ).toEqual([0.03, 0.03])
  })
})
