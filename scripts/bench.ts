/**
 * `npm run bench`: times the domain core on synthetic calls sized like performance.md §7.1
 * (S-small, S-1h, S-dense). Prints medians of 5 runs and writes bench-results/domain.json.
 * Browser-side figures (waveform, frames) are a later issue's benchmark.
 */
import { mkdirSync, writeFileSync } from 'node:fs'
import { cpus } from 'node:os'
import { performance } from 'node:perf_hooks'
import { applyCorrections, NO_CORRECTIONS, nudgeGlobal } from '../src/domain/corrections'
import { buildAlignmentExport } from '../src/domain/export/alignment'
import type { ParsedInput } from '../src/domain/parse/parse-input'
import { parseInputText } from '../src/domain/parse/parse-input'
import { placeCall } from '../src/domain/place/place-call'
import { buildPlaybackIndex } from '../src/domain/playback-index'
import { findActiveWord } from '../src/domain/word-index'
import { nudgeKeyPress } from './bench/nudge-key'
import { syntheticCall } from './bench/synthetic-call'

const SCENARIOS = [
  { id: 'S-small', messages: 50, words: 12 },
  { id: 'S-1h', messages: 2_000, words: 10 },
  { id: 'S-dense', messages: 10_000, words: 10 },
] as const
const RUNS = 5
const LOOKUPS = 100_000

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b)
  return sorted[Math.floor(sorted.length / 2)] ?? NaN
}

function time<T>(fn: () => T): { ms: number; value: T } {
  const start = performance.now()
  const value = fn()
  return { ms: performance.now() - start, value }
}

function expectKind<K extends ParsedInput['kind']>(
  input: ParsedInput,
  kind: K,
): Extract<ParsedInput, { kind: K }> {
  if (input.kind !== kind) throw new Error(`expected ${kind}, got ${input.kind}`)
  return input as Extract<ParsedInput, { kind: K }>
}

function parse(name: string, text: string): ParsedInput {
  const result = parseInputText(name, text)
  if (!result.ok) throw new Error(result.problems.map((p) => p.message).join('\n'))
  return result.value
}

/** Noise-like peaks for both channels; only the cost of the search matters here. */

// `BENCH_NUDGE_ONLY=1`: only the 20k-message key-press case (a quick check of issue 6's target).
const scenarios = process.env.BENCH_NUDGE_ONLY ? [] : SCENARIOS

const results = scenarios.map((scenario) => {
  const call = syntheticCall(scenario.messages, scenario.words)
  const samples: Record<string, number[]> = {
    parse: [],
    place: [],
    correct: [],
    export: [],
    lookup: [],
    suggest: [],
  }
  for (let run = 0; run < RUNS; run++) {
    const parsed = time(() => ({
      history: expectKind(parse('report.json', call.report), 'history').history,
      timings: expectKind(parse('timings.json', call.timings), 'timings').timings,
    }))
    const placed = time(() => placeCall(parsed.value))
    const corrections = nudgeGlobal(NO_CORRECTIONS, 0.1)
    const corrected = time(() => {
      const timeline = applyCorrections(placed.value, corrections)
      return { timeline, index: buildPlaybackIndex(timeline) }
    })
    const exported = time(() =>
      JSON.stringify(
        buildAlignmentExport(corrected.value.timeline, corrections, { file: 'a.ogg' }),
      ),
    )
    const { words } = corrected.value.index
    const end = words.ends.reduce((last, e) => Math.max(last, e), 1)
    const lookups = time(() => {
      let hits = 0
      for (let i = 0; i < LOOKUPS; i++)
        if (findActiveWord(words, (i / LOOKUPS) * end) !== undefined) hits++
      return hits
    })
    samples.parse?.push(parsed.ms)
    samples.place?.push(placed.ms)
    samples.correct?.push(corrected.ms)
    samples.export?.push(exported.ms)
    samples.lookup?.push((lookups.ms * 1e6) / LOOKUPS)
  }
  return {
    scenario: scenario.id,
    messages: scenario.messages,
    words: scenario.messages * scenario.words,
    inputMB: +((call.report.length + call.timings.length) / 1e6).toFixed(2),
    parseMs: +median(samples.parse ?? []).toFixed(1),
    placeMs: +median(samples.place ?? []).toFixed(1),
    correctAndIndexMs: +median(samples.correct ?? []).toFixed(1),
    exportMs: +median(samples.export ?? []).toFixed(1),
    activeWordLookupNs: +median(samples.lookup ?? []).toFixed(0),
  }
})

console.table(results)

const nudge = nudgeKeyPress(RUNS * 2)
console.log(`Nudge key press, ${nudge.messages} messages / ${nudge.words} words:`)
console.table(nudge.keys)
console.log(`full rebuild copying every word: ${nudge.fullRebuildWithEveryWordMs} ms`)
const machine = { node: process.version, cpus: cpus().length, cpu: cpus()[0]?.model ?? '?' }
console.log(machine)
mkdirSync('bench-results', { recursive: true })
writeFileSync(
  'bench-results/domain.json',
  JSON.stringify({ machine, results, nudge }, null, 2) + '\n',
)
