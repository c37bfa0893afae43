import { readFileSync } from 'node:fs'
import { createRequire } from 'node:module'
import { beforeAll, describe, expect, test } from 'vitest'
import type { TurnToAlign } from '../../domain/align/align-call'
import { alignCall, channelSegments } from '../../domain/align/align-call'
import { alignWithSpeechGate } from '../../domain/align/gated-align'
import type { GateCandidate } from '../../domain/align/speech-gate'
import { callGateCandidates, verdict } from '../../domain/align/speech-gate'
import { dipShare, speechSegments, withoutSustainedSound } from '../../domain/align/speech-segments'
import {
  TEST_RATE,
  addChords,
  addNoise,
  addSpeech,
  featuresOf,
} from '../../domain/align/test-signals'
import { pcmSpeechJudge, probesFromPcm } from './probe-audio'
import type { SpeechModel } from './silero'
import { loadSilero } from './silero'

const require = createRequire(import.meta.url)
const modelFile = require.resolve('@ricky0123/vad-web/dist/silero_vad_v5.onnx')

/** Real speech: espeak-ng saying one sentence, 16 kHz mono 16-bit. */
function espeakSentence(): Float32Array {
  const wav = readFileSync(
    new URL('../../domain/words/__fixtures__/espeak-en-us.wav', import.meta.url),
  )
  const samples = new Float32Array((wav.length - 44) / 2)
  for (let i = 0; i < samples.length; i++) samples[i] = wav.readInt16LE(44 + 2 * i) / 32768
  return samples
}

/** 1 s of quiet, `fill` for `seconds`, 1 s of quiet, with a little noise under it all. */
function channel(seconds: number, fill: (out: Float32Array) => void): Float32Array {
  const out = new Float32Array(Math.round((seconds + 2) * TEST_RATE))
  fill(out)
  addNoise(out, 0.002)
  return out
}

const MONO = { kind: 'mono', channel: 0 } as const

let model: SpeechModel
beforeAll(async () => {
  model = await loadSilero(readFileSync(modelFile))
}, 60_000)

/** The real model on probes cut from `samples`, remembering what it was asked. */
function judgeWithModel(samples: Float32Array, asked: GateCandidate[][] = []) {
  const judge = pcmSpeechJudge(model, [samples], TEST_RATE)
  return (candidates: readonly GateCandidate[]) => {
    asked.push([...candidates])
    return judge(candidates)
  }
}

async function judge(samples: Float32Array) {
  const features = featuresOf([samples])
  const candidates = callGateCandidates(features, channelSegments(features, MONO))
  return judgeWithModel(samples)(candidates)
}

describe('speech gate (Silero v5)', () => {
  test('music that the dip heuristic takes for speech is asked about and rejected', async () => {
    const music = channel(6, (out) => addChords(out, 1, 6, true))
    const energy = featuresOf([music]).channels[0]!.energy
    const segments = speechSegments(energy)
    expect(segments).toHaveLength(1)
    // The heuristic alone keeps it: its breaks dip like syllables, a little.
    expect(withoutSustainedSound(segments, energy)).toHaveLength(1)
    expect(dipShare(energy, segments[0]!)).toBeGreaterThan(0.08)
    const verdicts = await judge(music)
    expect(verdicts.map((v) => v.speech)).toEqual([false])
  }, 60_000)

  test('sustained chords are rejected', async () => {
    const verdicts = await judge(channel(6, (out) => addChords(out, 1, 6)))
    expect(verdicts.map((v) => v.speech)).toEqual([false])
  }, 60_000)

  test('a spoken sentence is speech, probe by probe', async () => {
    const sentence = espeakSentence()
    const candidate = { channel: 0, segment: { start: 0.2, end: 3 }, probes: [0.4, 1.4, 2.4] }
    const heard = await model.probabilities(probesFromPcm([sentence], TEST_RATE, [candidate]))
    for (const frames of heard) expect(frames.length).toBe(15)
    for (const frames of heard)
      expect(verdict({ ...candidate, probes: [0] }, [frames]).speech).toBe(true)
  }, 60_000)

  test('speech is not asked about: the normal path never loads the model', () => {
    const speech = channel(8, (out) => addSpeech(out, { start: 1, duration: 8 }))
    const features = featuresOf([speech])
    expect(callGateCandidates(features, channelSegments(features, MONO))).toEqual([])
  })
})

/** Ten alternating turns on a mono mix, 7 s of gated chords before the sixth. */
function callWithMusic() {
  const mono = new Float32Array(70 * TEST_RATE)
  const spoken: { lane: 'user' | 'agent'; start: number; duration: number }[] = []
  let t = 1
  for (let i = 0; i < 10; i++) {
    const lane = i % 2 === 0 ? 'agent' : 'user'
    const duration = i === 6 ? 7 : 1.5 + ((i * 37) % 23) / 10
    if (i === 5) {
      addChords(mono, t, 7, true)
      t += 7.6
    }
    addSpeech(mono, { start: t, duration, f0: lane === 'agent' ? 190 : 110 }, i)
    spoken.push({ lane, start: t, duration })
    t += duration + 0.8
  }
  addNoise(mono, 0.003)
  // Rough clocks; the two turns after the music say 8 s early, on the music.
  const turns: TurnToAlign[] = spoken.map((s, i) => {
    const start = s.start + (i === 5 || i === 6 ? -8 : ((i * 7919) % 61) / 100 - 0.3)
    return {
      id: `m${i}`,
      lane: s.lane,
      start,
      end: start + s.duration,
      chars: Math.round(s.duration * 14),
      interrupted: false,
      clock: 'rough',
      fixed: false,
    }
  })
  return { mono, turns, features: featuresOf([mono]) }
}

describe('alignment with the speech gate', () => {
  const layout = { kind: 'mono', channel: 0 } as const
  const options = { anchor: 'guessed' } as const

  test('a turn whose clock sits on music is flagged as not found, not matched to the music', async () => {
    const { mono, turns, features } = callWithMusic()
    // Energy alone: the turn is "matched" to the music.
    expect(alignCall(turns, features, layout, options).turns.get('m5')?.status).toBe('matched')
    const asked: GateCandidate[][] = []
    const gated = await alignWithSpeechGate(
      turns,
      features,
      layout,
      options,
      judgeWithModel(mono, asked),
    )
    expect(gated).toMatchObject({ judged: 1, rejected: 1 })
    expect(gated.turns.get('m5')?.status).toBe('unmatched')
    // One model call for the call, on the one steady stretch, never on its speech.
    expect(asked.map((c) => c.length)).toEqual([1])
  }, 60_000)

  test('when the model fails, the energy heuristic decides and the reply says why', async () => {
    const { turns, features } = callWithMusic()
    const failing = () => Promise.reject(new Error('model did not load'))
    const gated = await alignWithSpeechGate(turns, features, layout, options, failing)
    expect(gated.gateError).toBe('model did not load')
    expect([...gated.turns]).toEqual([...alignCall(turns, features, layout, options).turns])
  })
})
