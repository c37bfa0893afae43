// The audio word timing against the demo call's captured TimedStrings (public/demo/): the call is
// placed as if the timings had not been captured, each message's words are timed from the audio
// over that span, and compared with the captured word starts. Needs ffmpeg (to decode audio.ogg).
//
//   npm run bench:words-demo

import { execFileSync } from 'node:child_process'
import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { binPeaks, stereoUserOnset } from '../../src/domain/audio/peaks'
import type { CallHistory, WordTimings } from '../../src/domain/call'
import { parseJsonValue } from '../../src/domain/parse/parse-input'
import { placeCall } from '../../src/domain/place/place-call'
import { splitWords } from '../../src/domain/text'
import { audioWordStarts, wordPauseLevel } from '../../src/domain/words/audio-words'
import { spectralShape } from '../../src/domain/words/class-costs'
import { classWordStarts } from '../../src/domain/words/class-words'
import { features } from '../bench-align'

const DEMO = join('public', 'demo')
const RATE = 16_000

function read(file: string): unknown {
  return JSON.parse(readFileSync(join(DEMO, file), 'utf8'))
}

function decode(file: string): Float32Array[] {
  const pcm = execFileSync(
    'ffmpeg',
    [...['-loglevel', 'error', '-i', join(DEMO, file), '-f', 'f32le', '-ar', String(RATE)], '-'],
    { maxBuffer: 1 << 30 },
  )
  const interleaved = new Float32Array(pcm.buffer, pcm.byteOffset, pcm.length / 4)
  const frames = interleaved.length / 2
  return [0, 1].map((c) => Float32Array.from({ length: frames }, (_, i) => interleaved[2 * i + c]!))
}

const parsed = parseJsonValue('session-report.json', read('session-report.json'))
const timed = parseJsonValue('timed-strings.json', read('timed-strings.json'))
if (!parsed.ok || parsed.value.kind !== 'history') throw new Error('report did not parse')
if (!timed.ok || timed.value.kind !== 'timings') throw new Error('timings did not parse')
const history: CallHistory = parsed.value.history
const timings: WordTimings = timed.value.timings
const channels = decode('audio.ogg')
const audio = {
  duration: channels[0]!.length / RATE,
  channels: 2,
  firstUserOnset: stereoUserOnset(channels.map((c) => binPeaks(c, RATE))),
}
const captured = placeCall({ history, timings, audio })
const hidden = new Map(placeCall({ history, audio }).items.map((i) => [i.id, i]))
const energy = (await features(channels)).channels.map((c) => ({
  energy: c.energy,
  highEnergy: c.highEnergy,
  shape: spectralShape(c.mfcc),
  speechLevelDb: wordPauseLevel(c.energy),
}))
type Key =
  `${'agent' | 'user'} ${'spread' | 'audio' | 'classes' | 'audio, captured span' | 'classes, captured span' | 'captured vs truth'}`
const truth = read('truth.json') as { items: { id: string; words: { start_s: number }[] }[] }
const truthWords = new Map(truth.items.map((i) => [i.id, i.words]))
const errors = new Map<Key, number[]>()
const push = (key: Key, error: number) => errors.set(key, [...(errors.get(key) ?? []), error])
for (const item of captured.items) {
  const placed = hidden.get(item.id)
  const lane = item.lane
  if (lane === 'marker' || item.wordsSource !== 'captured' || !placed || placed.end === null)
    continue
  const heard = item.words.filter((w) => w.heard)
  const message = {
    id: item.id,
    words: splitWords(item.text).slice(0, heard.length),
    channel: item.lane === 'user' ? 0 : 1,
  }
  const starts = audioWordStarts({ ...message, start: placed.start, end: placed.end }, energy)
  const lastHeard = heard.at(-1)?.end ?? item.end ?? item.start
  const inCaptured = audioWordStarts({ ...message, start: item.start, end: lastHeard }, energy)
  const classes = classWordStarts({ ...message, start: placed.start, end: placed.end }, energy)
  const classesInCaptured = classWordStarts(
    { ...message, start: item.start, end: lastHeard },
    energy,
  )
  heard.forEach((word, w) => {
    push(`${lane} spread`, (placed.words[w]?.start ?? placed.end ?? 0) - word.start)
    push(`${lane} audio`, (starts[w] ?? placed.end ?? 0) - word.start)
    push(`${lane} classes`, (classes[w] ?? placed.end ?? 0) - word.start)
    push(`${lane} audio, captured span`, (inCaptured[w] ?? lastHeard) - word.start)
    push(`${lane} classes, captured span`, (classesInCaptured[w] ?? lastHeard) - word.start)
    const exact = truthWords.get(item.id)?.[w]?.start_s
    if (exact === undefined) return
    push(`${lane} captured vs truth`, word.start - exact)
  })
}
const mean = (v: number[]) =>
  Math.round((1000 * v.reduce((a, b) => a + b, 0)) / Math.max(1, v.length))
for (const [key, values] of errors)
  console.log(
    `${key}: ${values.length} words, ${mean(values.map(Math.abs))} ms mean, signed ${mean(values)}`,
  )
