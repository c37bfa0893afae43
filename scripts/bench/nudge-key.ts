import { performance } from 'node:perf_hooks'
import { correctTimeline } from '../../src/domain/corrected-timeline'
import type { Corrections } from '../../src/domain/corrections'
import {
  applyCorrections,
  NO_CORRECTIONS,
  nudgeGlobal,
  nudgeItem,
  nudgeItems,
  nudgeLane,
} from '../../src/domain/corrections'
import { parseInputText } from '../../src/domain/parse/parse-input'
import { placeCall } from '../../src/domain/place/place-call'
import { buildPlaybackIndex } from '../../src/domain/playback-index'
import { findTalkOver, speechOutsideTurns } from '../../src/domain/talk-over'
import type { Timeline } from '../../src/domain/timeline'
import { syntheticCall } from './synthetic-call'

const MESSAGES = 20_000
const WORDS = 40

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b)
  return sorted[Math.floor(sorted.length / 2)] ?? NaN
}

function ms(fn: () => void): number {
  const start = performance.now()
  fn()
  return performance.now() - start
}

function placedCall(): Timeline {
  const call = syntheticCall(MESSAGES, WORDS)
  const history = parseInputText('report.json', call.report)
  const timings = parseInputText('timings.json', call.timings)
  if (!history.ok || history.value.kind !== 'history') throw new Error('report did not parse')
  if (!timings.ok || timings.value.kind !== 'timings') throw new Error('timings did not parse')
  return placeCall({ history: history.value.history, timings: timings.value.timings })
}

/**
 * One nudge key on a call of 20,000 long messages (the hostile-input probe): what the store does
 * per key press, from the previous corrected view, and per undo of it. Target ≤ 50 ms (issue 6).
 */
export function nudgeKeyPress(runs: number) {
  const base = placedCall()
  const middleAt = Math.floor(base.items.length / 2)
  const middle = base.items[middleAt]?.id ?? ''
  const afterMiddle = base.items.slice(middleAt).map((i) => i.id)
  const keys: Record<string, (c: Corrections) => Corrections> = {
    'all +10 ms': (c) => nudgeGlobal(c, 0.01),
    'agent lane +10 ms': (c) => nudgeLane(c, 'agent', 0.01),
    'selected +100 ms': (c) => nudgeItem(c, middle, 0.1),
    'selected +1 s': (c) => nudgeItem(c, middle, 1),
    'this and all after +10 ms': (c) => nudgeItems(c, afterMiddle, 0.01),
  }
  const rows = Object.entries(keys).map(([key, press]) => {
    let corrected = correctTimeline(base, NO_CORRECTIONS)
    const measure = (corrections: Corrections) =>
      ms(() => {
        corrected = correctTimeline(base, corrections, corrected)
        findTalkOver(corrected.timeline.items)
        speechOutsideTurns(corrected.timeline.vad, corrected.timeline.items)
      })
    const presses: number[] = []
    const undos: number[] = []
    for (let run = 0; run < runs; run++) {
      const before = corrected.corrections
      presses.push(measure(press(before)))
      // Undo restores the previous corrections object; then the key is pressed again.
      undos.push(measure(before))
      measure(press(before))
    }
    return {
      key,
      medianMs: +median(presses).toFixed(1),
      maxMs: +Math.max(...presses).toFixed(1),
      undoMedianMs: +median(undos).toFixed(1),
    }
  })
  const fullRebuild = ms(() =>
    buildPlaybackIndex(applyCorrections(base, nudgeGlobal(NO_CORRECTIONS, 0.01))),
  )
  return {
    messages: MESSAGES,
    words: MESSAGES * WORDS,
    keys: rows,
    fullRebuildWithEveryWordMs: +fullRebuild.toFixed(1),
  }
}
