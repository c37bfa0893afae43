import { describe, expect, it } from 'vitest'
import { FEATURE_RATE, FeatureAccumulator } from '../audio/features'
import { audioWordStarts, wordPauseLevel } from './audio-words'
import { broadClasses } from './broad-classes'
import { spectralShape } from './class-costs'
import type { ChannelBands } from './class-words'
import { classWordStarts } from './class-words'
import type { SpokenWord, Voice } from './test-speech'
import { speak } from './test-speech'

/**
 * One stretch with no pause: a drawn-out "I", then words whose spelling gives the classes the
 * synthetic phones have. The duration model gives "I" a short share, so it puts "see" far early.
 */
const TEXT = ['I', 'see', 'Emma', 'sums', 'shoe.']
const SPOKEN: SpokenWord[] = [
  { phones: ['a'], durations: [0.38] },
  { phones: ['s', 'i'], durations: [0.12, 0.15] },
  { phones: ['e', 'm', 'a'], durations: [0.1, 0.08, 0.12] },
  { phones: ['s', 'a', 'm', 's'], durations: [0.1, 0.12, 0.08, 0.12] },
  { phones: ['sh', 'u'], durations: [0.13, 0.2] },
]
const MALE: Voice = { pitchHz: 120, gain: 1, formantScale: 1, noise: 0.001 }
const FEMALE_NOISY: Voice = { pitchHz: 210, gain: 0.6, formantScale: 1.15, noise: 0.01 }

function timed(voice: Voice, trailingSilence = true) {
  const { samples, wordStarts } = speak(SPOKEN, voice, 7)
  const accumulator = new FeatureAccumulator(1, FEATURE_RATE)
  accumulator.push([samples], samples.length)
  const features = accumulator.result().channels[0]
  if (!features) throw new Error('no features')
  const channel: ChannelBands = {
    energy: features.energy,
    highEnergy: features.highEnergy,
    shape: spectralShape(features.mfcc),
    speechLevelDb: wordPauseLevel(features.energy),
  }
  // The span starts at the first word and ends after 0.1 s of trailing silence, as the app's do.
  const spokenEnd = (wordStarts.at(-1) ?? 0) + 0.33
  const end = trailingSilence ? samples.length / FEATURE_RATE : spokenEnd
  const message = { id: 'm', words: TEXT, start: wordStarts[0] ?? 0, end, channel: 0 }
  return {
    truth: wordStarts,
    classes: classWordStarts(message, [channel]),
    energyOnly: audioWordStarts(message, [channel]),
  }
}

const errorMs = (starts: readonly number[], truth: readonly number[], w: number) =>
  Math.abs((starts[w] ?? Infinity) - (truth[w] ?? 0)) * 1000

describe('classWordStarts', () => {
  it('spells the test words with the classes their phones have', () => {
    expect(TEXT.map(broadClasses)).toEqual([
      ['vowel'],
      ['fricative', 'vowel'],
      ['vowel', 'sonorant', 'vowel'],
      ['fricative', 'vowel', 'sonorant', 'fricative'],
      ['fricative', 'vowel'],
    ])
  })

  it.each([
    ['a low voice', MALE],
    ['a higher, noisier voice', FEMALE_NOISY],
  ])(
    'finds the fricative onset inside a stretch where the duration model is far off (%s)',
    (_, voice) => {
      const { truth, classes, energyOnly } = timed(voice)
      expect(errorMs(energyOnly, truth, 1)).toBeGreaterThan(80)
      expect(errorMs(classes, truth, 1)).toBeLessThan(30)
    },
  )

  it('finds it in a span with no pause at all (its quietest frames are consonants)', () => {
    const { truth, classes } = timed(MALE, false)
    expect(errorMs(classes, truth, 1)).toBeLessThan(30)
  })

  it('puts the words that start with a consonant within a few frames', () => {
    const { truth, classes, energyOnly } = timed(MALE)
    for (const w of [1, 3, 4]) expect(errorMs(classes, truth, w)).toBeLessThan(30)
    const mean = (starts: readonly number[]) =>
      TEXT.reduce((sum, _, w) => sum + errorMs(starts, truth, w), 0) / TEXT.length
    // "Emma" after "see" is vowel on vowel: no class boundary to hear, the prior places it.
    expect(mean(energyOnly)).toBeGreaterThan(2 * mean(classes))
  })
})
