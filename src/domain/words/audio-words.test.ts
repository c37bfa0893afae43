import { describe, expect, it } from 'vitest'
import {
  audioWordStarts,
  heardWordCount,
  spanPauseLevel,
  speakingPace,
  wordPauseLevel,
} from './audio-words'
import { wordWeight } from './word-weight'

const SILENCE = -100
const LOUD = 20
const SOFT = 2

/** Three bursts of speech, 0.5 s each, with 0.2 s of digital silence between them, from 1.0 s. */
function threeWords(): Float32Array {
  const energy = new Float32Array(400).fill(SILENCE)
  for (const start of [100, 170, 240]) energy.fill(LOUD, start, start + 50)
  return energy
}

describe('spanPauseLevel', () => {
  it('on a clean channel, keeps soft consonants as speech: the span pauses set the level', () => {
    const energy = new Float32Array(1000).fill(SILENCE)
    energy.fill(LOUD, 0, 300)
    energy.fill(SOFT, 300, 400)
    const channel = { energy, speechLevelDb: wordPauseLevel(energy) }
    expect(channel.speechLevelDb).toBeGreaterThan(SOFT)
    expect(spanPauseLevel(channel, 0, 500)).toBeLessThan(SOFT)
  })

  it('on a clean channel, hears a pause that keeps a breath 40 dB under the vowels', () => {
    const vowels = 30
    const breath = vowels - 40
    const energy = new Float32Array(600).fill(SILENCE)
    energy.fill(vowels, 0, 250)
    energy.fill(breath, 250, 280)
    energy.fill(vowels, 280, 500)
    const channel = { energy, speechLevelDb: wordPauseLevel(energy) }
    expect(spanPauseLevel(channel, 0, 600)).toBeGreaterThan(breath)
  })

  it('on a noisy channel with digital silence elsewhere, hears the noise floor as a pause', () => {
    const noise = -57
    const energy = new Float32Array(1000).fill(SILENCE)
    energy.fill(noise, 0, 500)
    energy.fill(LOUD, 100, 200)
    energy.fill(LOUD, 230, 330)
    const channel = { energy, speechLevelDb: wordPauseLevel(energy) }
    expect(spanPauseLevel(channel, 90, 340)).toBeGreaterThan(noise)
  })
})

describe('audioWordStarts', () => {
  const channels = [{ energy: threeWords(), speechLevelDb: wordPauseLevel(threeWords()) }]

  it('puts each word after its pause, the first at the span start', () => {
    const starts = audioWordStarts(
      { id: 'a', words: ['one,', 'two,', 'three.'], start: 0.98, end: 2.9, channel: 0 },
      channels,
    )
    expect(starts[0]).toBe(0.98)
    expect(starts[1]).toBeCloseTo(1.7, 1)
    expect(starts[2]).toBeCloseTo(2.4, 1)
  })

  it('gives nothing for a span too short or a channel that is not there', () => {
    const at = { id: 'a', words: ['one'], start: 1, end: 1.005, channel: 0 }
    expect(audioWordStarts(at, channels)).toEqual([])
    expect(audioWordStarts({ ...at, end: 2, channel: 3 }, channels)).toEqual([])
  })

  it('keeps every start inside the span', () => {
    const starts = audioWordStarts(
      { id: 'a', words: ['a', 'b', 'c', 'd', 'e'], start: 3.5, end: 3.9, channel: 0 },
      channels,
    )
    for (const s of starts) {
      expect(s).toBeGreaterThanOrEqual(3.5)
      expect(s).toBeLessThanOrEqual(3.9)
    }
  })
})

describe('heardWordCount and speakingPace', () => {
  const words = ['thanks', 'for', 'calling', 'support', 'today']
  const total = words.reduce((sum, w) => sum + wordWeight(w), 0)

  it('reads the pace from complete messages, the median of them', () => {
    const pace = speakingPace([
      { words, seconds: total * 0.4 },
      { words, seconds: total * 0.5 },
      { words, seconds: total * 9 },
    ])
    expect(pace).toBeCloseTo(0.5)
  })

  it('keeps the words that start before a cut-off span ends', () => {
    const firstTwo = wordWeight('thanks') + wordWeight('for')
    expect(heardWordCount(words, firstTwo * 0.5 + 0.01, 0.5)).toBe(3)
    expect(heardWordCount(words, 100, 0.5)).toBe(words.length)
    expect(heardWordCount(words, 0, 0.5)).toBe(1)
  })
})
