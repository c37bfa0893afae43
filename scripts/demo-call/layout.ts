// Lays the synthesized words out on the recording timeline: ~50 ms between words, ~250 ms after
// punctuation, the turn gaps from the dialogue, and the barge-in cut. Every position is exact.

import {
  BACKCHANNEL,
  CUT_AFTER_WORD_MS,
  PUNCTUATION_GAP_MS,
  TRAILING_SILENCE_MS,
  WORD_GAP_MS,
  type Turn,
} from './dialogue.js'
import { ms, samplesToMicros, type Micros } from './time.js'

export interface PlacedWord {
  /** The word as written in the transcript, punctuation included, no surrounding spaces. */
  text: string
  start: Micros
  end: Micros
  /** False for synthesized words after an interruption cut (not in the audio). */
  heard: boolean
  samples: Float32Array
}

export interface PlacedTurn {
  turn: Turn
  words: PlacedWord[]
  /** Position of the first word's start. */
  start: Micros
  /** Position of the last heard word's end, or of the cut for an interrupted turn. */
  end: Micros
  cut: Micros | null
}

export interface PlacedBackchannel {
  text: string
  start: Micros
  end: Micros
  samples: Float32Array
}

export interface Layout {
  turns: PlacedTurn[]
  backchannel: PlacedBackchannel
  duration: Micros
}

export type Speak = (turn: Turn | 'backchannel', text: string) => Float32Array

export function splitWords(text: string): string[] {
  return text.split(/\s+/).filter((word) => word.length > 0)
}

function layWords(words: string[], start: Micros, speak: (text: string) => Float32Array) {
  let cursor = start
  return words.map((text): PlacedWord => {
    const samples = speak(text)
    const word = { text, start: cursor, end: cursor + samplesToMicros(samples.length), heard: true }
    cursor = word.end + ms(/[,.?!]$/.test(text) ? PUNCTUATION_GAP_MS : WORD_GAP_MS)
    return { ...word, samples }
  })
}

function turnStart(turn: Turn, previous: PlacedTurn | undefined): Micros {
  if (turn.role === 'user' && turn.bargeInOverlapMs !== undefined) {
    if (previous?.cut == null) throw new Error(`${turn.id} barges in but nothing was cut`)
    return previous.cut - ms(turn.bargeInOverlapMs)
  }
  return (previous?.end ?? 0) + ms(turn.gapMs)
}

function placeTurn(turn: Turn, previous: PlacedTurn | undefined, speak: Speak): PlacedTurn {
  const start = turnStart(turn, previous)
  const words = layWords(splitWords(turn.text), start, (text) => speak(turn, text))
  const heardWords = turn.role === 'assistant' ? turn.heardWords : undefined
  const lastWord = words.at(-1)
  if (!lastWord) throw new Error(`${turn.id} has no words`)
  if (heardWords === undefined) return { turn, words, start, end: lastWord.end, cut: null }

  const lastHeard = words[heardWords - 1]
  if (!lastHeard || heardWords >= words.length) throw new Error(`bad heardWords in ${turn.id}`)
  const cut = lastHeard.end + ms(CUT_AFTER_WORD_MS)
  const marked = words.map((word, index) => ({ ...word, heard: index < heardWords }))
  return { turn, words: marked, start, end: cut, cut }
}

function placeBackchannel(turns: PlacedTurn[], speak: Speak): PlacedBackchannel {
  const host = turns.find((placed) => placed.turn.id === BACKCHANNEL.duringTurnId)
  const hostWord = host?.words[BACKCHANNEL.atWordIndex]
  if (!hostWord) throw new Error('backchannel host word not found')
  const samples = speak('backchannel', BACKCHANNEL.text)
  const start = hostWord.start + ms(BACKCHANNEL.offsetMs)
  return { text: BACKCHANNEL.text, start, end: start + samplesToMicros(samples.length), samples }
}

function assertNoOverlap(label: string, spans: { start: Micros; end: Micros }[]): void {
  const sorted = [...spans].sort((a, b) => a.start - b.start)
  sorted.forEach((span, index) => {
    const next = sorted[index + 1]
    if (next && next.start < span.end) throw new Error(`${label} channel overlaps itself`)
  })
}

export function layOutCall(turns: Turn[], speak: Speak): Layout {
  const placed: PlacedTurn[] = []
  for (const turn of turns) placed.push(placeTurn(turn, placed.at(-1), speak))
  const backchannel = placeBackchannel(placed, speak)

  const heardWordsOf = (role: Turn['role']) =>
    placed.filter((p) => p.turn.role === role).flatMap((p) => p.words.filter((w) => w.heard))
  assertNoOverlap('user', [...heardWordsOf('user'), backchannel])
  assertNoOverlap('agent', heardWordsOf('assistant'))

  const lastEnd = Math.max(...placed.map((p) => p.end))
  return { turns: placed, backchannel, duration: lastEnd + ms(TRAILING_SILENCE_MS) }
}
