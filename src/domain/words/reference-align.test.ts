import { describe, expect, it } from 'vitest'
import { computeFrameFeatures } from './frame-features'
import { SPAN_MARGIN_FRAMES, alignToReference } from './reference-align'
import type { Voice } from './test-speech'
import { randomWords, speak, warp } from './test-speech'

const referenceVoice: Voice = { pitchHz: 110, gain: 1, formantScale: 1, noise: 0.0005 }
const callVoice: Voice = { pitchHz: 165, gain: 0.4, formantScale: 1.08, noise: 0.004 }

function meanError(estimates: readonly (number | undefined)[], truth: readonly number[]) {
  const errors = truth.map((t, i) => Math.abs((estimates[i] ?? Infinity) - t))
  return errors.reduce((a, b) => a + b, 0) / errors.length
}

describe('alignToReference', () => {
  const words = randomWords(14, 7)
  const reference = speak(words, referenceVoice, 1)
  const referenceFeatures = computeFrameFeatures(reference.samples)

  it('recovers the word starts of a time-warped copy in another voice', () => {
    const spoken = speak(warp(words, 0.7, 1.4, 3), callVoice, 2)
    const recording = computeFrameFeatures(spoken.samples)
    const aligned = alignToReference(
      { mfcc: referenceFeatures.mfcc, wordStarts: reference.wordStarts },
      { mfcc: recording.mfcc, startFrame: 0, endFrame: recording.frames, openEnd: false },
    )
    const starts = aligned.map((w) => w.start)
    expect(meanError(starts, spoken.wordStarts)).toBeLessThan(0.02)
    expect(starts).toEqual([...starts].sort((a, b) => (a ?? 0) - (b ?? 0)))
  })

  it('places a span inside a longer recording on the recording clock', () => {
    const spoken = speak(warp(words, 0.8, 1.25, 5), callVoice, 4)
    const lead = new Float32Array(16_000 * 2.5)
    const padded = new Float32Array(lead.length + spoken.samples.length)
    padded.set(spoken.samples, lead.length)
    const recording = computeFrameFeatures(padded)
    const first = 250 - SPAN_MARGIN_FRAMES
    const aligned = alignToReference(
      { mfcc: referenceFeatures.mfcc, wordStarts: reference.wordStarts },
      { mfcc: recording.mfcc, startFrame: first, endFrame: recording.frames, openEnd: false },
    )
    const truth = spoken.wordStarts.map((t) => t + 2.5)
    expect(
      meanError(
        aligned.map((w) => w.start),
        truth,
      ),
    ).toBeLessThan(0.02)
  })

  it('with an open end, aligns the words that were played and leaves the rest out', () => {
    const spoken = speak(warp(words, 0.8, 1.25, 9), callVoice, 6)
    const cutAt = spoken.wordStarts[9] ?? 0
    const played = spoken.samples.slice(0, Math.round((cutAt + 0.1) * 16_000))
    const recording = computeFrameFeatures(played)
    const aligned = alignToReference(
      { mfcc: referenceFeatures.mfcc, wordStarts: reference.wordStarts },
      { mfcc: recording.mfcc, startFrame: 0, endFrame: recording.frames, openEnd: true },
    )
    const heard = aligned.slice(0, 9).map((w) => w.start)
    expect(meanError(heard, spoken.wordStarts.slice(0, 9))).toBeLessThan(0.025)
    expect(aligned.slice(11).every((w) => w.start === undefined)).toBe(true)
  })
})
