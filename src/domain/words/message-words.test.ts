import { describe, expect, it } from 'vitest'
import { speechLevels } from '../align/speech-segments'
import { FEATURE_HOP_S } from '../audio/features'
import { computeFrameFeatures } from './frame-features'
import { fallbackWordStarts } from './fallback'
import { messageWordStarts } from './message-words'
import type { Voice } from './test-speech'
import { randomWords, speak, warp } from './test-speech'

const referenceVoice: Voice = { pitchHz: 110, gain: 1, formantScale: 1, noise: 0.0005 }
const callVoice: Voice = { pitchHz: 150, gain: 0.5, formantScale: 1.05, noise: 0.003 }

describe('messageWordStarts', () => {
  const words = randomWords(10, 11)
  const text = words.map((_, i) => `word${i}`)
  const spoken = speak(warp(words, 0.75, 1.3, 12), callVoice, 13)
  const channel = computeFrameFeatures(spoken.samples)
  const reference = speak(words, referenceVoice, 14)
  const input = {
    words: text,
    startFrame: Math.round((spoken.wordStarts[0] ?? 0) / FEATURE_HOP_S),
    endFrame: channel.frames - 10,
    channel,
    speechLevelDb: speechLevels(channel.energy).off,
    openEnd: false,
  }

  it('keeps reference words that agree with the fallback, and the fallback elsewhere', () => {
    const got = messageWordStarts({
      ...input,
      reference: {
        mfcc: computeFrameFeatures(reference.samples).mfcc,
        wordStarts: reference.wordStarts,
      },
    })
    const errors = got.map((w, i) => Math.abs(w.start - (spoken.wordStarts[i] ?? 0)))
    const aligned = errors.filter((_, i) => got[i]?.kind === 'aligned')
    expect(aligned.length).toBeGreaterThanOrEqual(7)
    expect(Math.max(...aligned)).toBeLessThan(0.015)
    const fallback = fallbackWordStarts({ ...input, energy: channel.energy })
    got.forEach((w, i) => {
      if (w.kind === 'estimated') expect(w.start).toBeCloseTo(fallback[i] ?? NaN)
    })
  })

  it('estimates every word from the energy when there is no reference', () => {
    const got = messageWordStarts(input)
    expect(got).toHaveLength(10)
    expect(got.every((w) => w.kind === 'estimated')).toBe(true)
    expect(got[0]?.start).toBeCloseTo(input.startFrame * FEATURE_HOP_S)
  })
})
