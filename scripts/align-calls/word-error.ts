// Word-start error of one aligned call (npm run bench:align): the app's character spread, the
// energy method (src/domain/words/audio-words.ts) and the broad phonetic class alignment
// (class-words.ts), each over the span the alignment gave the message, against espeak-ng's own
// word events.

import type { AlignedTurn, ChannelLayout } from '../../src/domain/align/align-call'
import type { AlignmentFeatures } from '../../src/domain/audio/features'
import { estimateWords } from '../../src/domain/place/estimate-words'
import type { PlacedItem } from '../../src/domain/timeline'
import {
  audioWordStarts,
  heardWordCount,
  speakingPace,
  wordPauseLevel,
} from '../../src/domain/words/audio-words'
import type { ChannelBands } from '../../src/domain/words/class-words'
import { spectralShape } from '../../src/domain/words/class-costs'
import { classWordStarts } from '../../src/domain/words/class-words'
import { splitWords } from '../../src/domain/text'
import type { WordJob } from '../../src/domain/words/time-messages'
import type { TruthTurn } from './generate'

const TIMING_RUNS = 3

export interface WordErrors {
  /** Signed errors, seconds, per method and role. */
  spread: Record<'agent' | 'user', number[]>
  audio: Record<'agent' | 'user', number[]>
  /** Broad phonetic class alignment (class-words.ts). */
  classes: Record<'agent' | 'user', number[]>
  /** Worker-side milliseconds per message (energy method, class method) and its speech seconds. */
  timings: { ms: number; classMs: number; seconds: number }[]
  /** What was timed, with its truth, for the reference method (reference-error.ts). */
  jobs: { job: WordJob; truth: (number | undefined)[] }[]
}

export function wordErrors(
  items: readonly PlacedItem[],
  aligned: ReadonlyMap<string, AlignedTurn>,
  truth: ReadonlyMap<string, TruthTurn>,
  features: AlignmentFeatures,
  layout: ChannelLayout,
): WordErrors {
  const channels: ChannelBands[] = features.channels.map((c) => ({
    energy: c.energy,
    highEnergy: c.highEnergy,
    shape: spectralShape(c.mfcc),
    speechLevelDb: wordPauseLevel(c.energy),
  }))
  const out: WordErrors = {
    spread: { agent: [], user: [] },
    audio: { agent: [], user: [] },
    classes: { agent: [], user: [] },
    timings: [],
    jobs: [],
  }
  const spans = items.flatMap((item) => {
    if (item.end === null || item.lane === 'marker') return []
    const found = aligned.get(item.id)
    const moved = found && found.status !== 'kept'
    const start = moved ? found.start : item.start
    const end = moved ? found.end : item.end
    return [{ item, lane: item.lane, start, end, words: splitWords(item.text) }]
  })
  const pace = (lane: 'agent' | 'user') =>
    speakingPace(
      spans
        .filter((s) => s.lane === lane && !s.item.interrupted)
        .map((s) => ({ words: s.words, seconds: s.end - s.start })),
    )
  const paces = { agent: pace('agent'), user: pace('user') }
  for (const { item, lane: role, start, end, words: all } of spans) {
    const turn = truth.get(item.id)
    if (!turn) continue
    const secondsPerWeight = paces[role]
    const words =
      item.interrupted && secondsPerWeight
        ? all.slice(0, heardWordCount(all, end - start, secondsPerWeight))
        : all
    const spread = estimateWords(item.text, start, end).map((w) => w.start)
    const channel = layout.kind === 'mono' ? layout.channel : layout[role]
    const message = { id: item.id, words, start, end, channel }
    const audio = audioWordStarts(message, channels)
    const classes = classWordStarts(message, channels)
    out.timings.push({
      ms: fastestMs(() => audioWordStarts(message, channels)),
      classMs: fastestMs(() => classWordStarts(message, channels)),
      seconds: end - start,
    })
    const job = {
      id: item.id,
      words,
      start,
      end,
      channel,
      lane: role,
      interrupted: item.interrupted,
    }
    out.jobs.push({ job, truth: turn.words })
    turn.words.forEach((at, w) => {
      if (at === undefined) return
      out.spread[role].push((spread[w] ?? end) - at)
      out.audio[role].push((audio[w] ?? end) - at)
      out.classes[role].push((classes[w] ?? end) - at)
    })
  }
  return out
}

/** The machine is shared: each message is timed a few times and the fastest run kept. */
function fastestMs(run: () => void): number {
  let fastest = Infinity
  for (let i = 0; i < TIMING_RUNS; i++) {
    const t = performance.now()
    run()
    fastest = Math.min(fastest, performance.now() - t)
  }
  return fastest
}
