// npm run bench:align — message-start accuracy of the audio alignment per input variant, on
// generated calls with exact truth (scripts/align-calls). Needs espeak-ng and sox.
// BENCH_CALLS=20 (calls per variant), BENCH_SEED=1000 (first call's seed); BENCH_LONG=1 adds a
// 30-minute and a 1-hour call; BENCH_REFERENCE=1 adds the Flite reference word timing on two
// variants (slow).

import { mkdirSync, readFileSync, writeFileSync } from 'node:fs'
import { createRequire } from 'node:module'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import type { AlignmentFeatures } from '../src/domain/audio/features'
import { FeatureAccumulator } from '../src/domain/audio/features'
import { packFeatures, unpackFeatures } from '../src/domain/audio/packed-features'
import { binPeaks, stereoUserOnset } from '../src/domain/audio/peaks'
import { alignWithSpeechGate } from '../src/domain/align/gated-align'
import { anchorCertainty, channelLayout, turnsToAlign } from '../src/domain/align/timeline-turns'
import type { CallHistory, EgressRecording } from '../src/domain/call'
import { parseJsonValue } from '../src/domain/parse/parse-input'
import { placeCall } from '../src/domain/place/place-call'
import { pcmSpeechJudge } from '../src/features/align/probe-audio'
import type { SpeechModel } from '../src/features/align/silero'
import { loadSilero } from '../src/features/align/silero'
import type { GeneratedCall } from './align-calls/generate'
import { generateCall } from './align-calls/generate'
import { RATE, requireTools } from './align-calls/speech'
import type { Variant } from './align-calls/variants'
import { VARIANTS, variantInputs } from './align-calls/variants'
import type { WordErrors } from './align-calls/word-error'
import { wordErrors } from './align-calls/word-error'
import type { ReferenceErrors } from './align-calls/reference-error'
import { referenceErrors } from './align-calls/reference-error'

/** Silero v5 as the app ships it (the same file, read from the package). */
const SILERO_MODEL = createRequire(import.meta.url).resolve(
  '@ricky0123/vad-web/dist/silero_vad_v5.onnx',
)
const CACHE = join(tmpdir(), 'turnline-align-speech')
const CALLS = Number(process.env.BENCH_CALLS ?? 20)
/** BENCH_SEED=2000 draws calls that no setting was ever chosen on (a held-out set). */
const FIRST_SEED = Number(process.env.BENCH_SEED ?? 1000)
/** Adds the Flite reference method on these variants (minutes of synthesis per call). */
const REFERENCE_VARIANTS: readonly Variant[] = process.env.BENCH_REFERENCE
  ? ['report_stereo', 'created_at_mono']
  : []

export interface CallResult {
  before: number[]
  after: number[]
  offsetError: number
  driftError: number
  driftFitted: boolean
  alignMs: number
  featureMs: number
  words: WordErrors
  features: AlignmentFeatures
}

/** The features as the app's workers read them: packed as the decode stores them, read back. */
export async function features(channels: Float32Array[]): Promise<AlignmentFeatures> {
  const computed = computedFeatures(channels)
  const packed = packFeatures(computed)
  return packed ? unpackFeatures(packed) : computed
}

function computedFeatures(channels: Float32Array[]): AlignmentFeatures {
  const acc = new FeatureAccumulator(channels.length, RATE)
  const chunk = RATE
  for (let at = 0; at < channels[0]!.length; at += chunk) {
    const length = Math.min(chunk, channels[0]!.length - at)
    acc.push(
      channels.map((c) => c.subarray(at, at + length)),
      length,
    )
  }
  return acc.result()
}

function parsed<T>(
  file: string,
  value: unknown,
  pick: (v: ReturnType<typeof parseJsonValue>) => T | undefined,
): T {
  const out = pick(parseJsonValue(file, value))
  if (out === undefined) throw new Error(`${file} did not parse`)
  return out
}

export async function runCall(
  call: GeneratedCall,
  variant: Variant,
  model: SpeechModel,
): Promise<CallResult> {
  const inputs = variantInputs(call, variant)
  const history = parsed<CallHistory>('history.json', inputs.history, (r) =>
    r.ok && r.value.kind === 'history' ? r.value.history : undefined,
  )
  const egress = inputs.egress
    ? parsed<EgressRecording>('egress.json', inputs.egress, (r) =>
        r.ok && r.value.kind === 'egress' ? r.value.egress : undefined,
      )
    : undefined
  const peaks = inputs.channels.map((c) => binPeaks(c, RATE))
  const onset = stereoUserOnset(peaks)
  const audio = {
    duration: call.duration,
    channels: inputs.channels.length,
    ...(onset !== undefined ? { firstUserOnset: onset } : {}),
  }
  const timeline = placeCall({ history, audio, ...(egress ? { egress } : {}) })
  let t = performance.now()
  const feats = await features(inputs.channels)
  const featureMs = performance.now() - t
  const layout = channelLayout(inputs.channels.length, true, { user: 0, agent: 1 })
  t = performance.now()
  const result = await alignWithSpeechGate(
    turnsToAlign(timeline, new Set()),
    feats,
    layout,
    { anchor: anchorCertainty(timeline) },
    pcmSpeechJudge(model, inputs.channels, RATE),
  )
  const alignMs = performance.now() - t
  const truth = new Map(call.turns.map((turn) => [turn.id, turn]))
  const words = wordErrors(timeline.items, result.turns, truth, feats, layout)
  const before: number[] = []
  const after: number[] = []
  for (const item of timeline.items) {
    const turn = truth.get(item.id)
    if (!turn) continue
    before.push(item.start - turn.start)
    const aligned = result.turns.get(item.id)
    const start = aligned && aligned.status !== 'kept' ? aligned.start : item.start
    after.push(start - turn.start)
  }
  return {
    before,
    after,
    // The single shift the aligned call would still need: the global part of what is left.
    // (Comparing the median move with the median needed shift is not this: on a mono mix whose
    // two lanes have different biases, both medians fall between the lanes and can pick different
    // sides with every message within a few ms.)
    offsetError: Math.abs(median(after)),
    driftError: Math.abs(result.driftPpm - call.drift * 1e6),
    driftFitted: result.driftFitted,
    alignMs,
    featureMs,
    words,
    features: feats,
  }
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b)
  return sorted[Math.floor(sorted.length / 2)] ?? 0
}

function quantile(values: number[], q: number): number {
  const sorted = [...values].sort((a, b) => a - b)
  return sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))] ?? 0
}

function summary(errors: number[]) {
  const abs = errors.map(Math.abs)
  const mean = abs.reduce((a, b) => a + b, 0) / Math.max(1, abs.length)
  return {
    mean: Math.round(mean * 1000),
    p90: Math.round(quantile(abs, 0.9) * 1000),
    p95: Math.round(quantile(abs, 0.95) * 1000),
    within50: Math.round((100 * abs.filter((e) => e <= 0.05).length) / Math.max(1, abs.length)),
  }
}

function wordRow(label: string, results: CallResult[]): string {
  const cell = (errors: number[]) => {
    const s = summary(errors)
    return `${s.mean} / ${s.p90}`
  }
  const pick = (method: 'spread' | 'audio' | 'classes', role: 'agent' | 'user') =>
    results.flatMap((r) => r.words[method][role])
  const timings = results.flatMap((r) => r.words.timings).filter((t) => t.seconds >= 1)
  const seconds = timings.reduce((sum, t) => sum + t.seconds, 0)
  const per10s = (ms: number) => ((ms / seconds) * 10).toFixed(2)
  return [
    label,
    pick('audio', 'agent').length,
    cell(pick('spread', 'agent')),
    cell(pick('audio', 'agent')),
    cell(pick('classes', 'agent')),
    pick('audio', 'user').length,
    cell(pick('spread', 'user')),
    cell(pick('audio', 'user')),
    cell(pick('classes', 'user')),
    per10s(timings.reduce((sum, t) => sum + t.ms, 0)),
    per10s(timings.reduce((sum, t) => sum + t.classMs, 0)),
  ]
    .join(' | ')
    .replace(/^/, '| ')
    .concat(' |')
}

async function referenceRow(label: string, results: CallResult[]): Promise<string> {
  const all: ReferenceErrors[] = []
  for (const r of results) all.push(await referenceErrors(r.words, r.features))
  const cell = (errors: number[]) => {
    const s = summary(errors)
    return `${s.mean} / ${s.p90}`
  }
  const timings = all.flatMap((r) => r.timings).filter((t) => t.seconds >= 1)
  const seconds = timings.reduce((sum, t) => sum + t.seconds, 0)
  const per10s = (ms: number) => ((ms / seconds) * 10).toFixed(0)
  return [
    label,
    cell(all.flatMap((r) => r.errors.agent)),
    cell(all.flatMap((r) => r.errors.user)),
    per10s(timings.reduce((sum, t) => sum + t.synthMs, 0)),
    per10s(timings.reduce((sum, t) => sum + t.alignMs, 0)),
  ]
    .join(' | ')
    .replace(/^/, '| ')
    .concat(' |')
}

async function main() {
  requireTools()
  mkdirSync(CACHE, { recursive: true })
  const model = await loadSilero(readFileSync(SILERO_MODEL))
  const rows: string[] = []
  const header =
    '| variant | calls | msgs | before mean / p95 (ms) | after mean / p95 (ms) | ≤ 50 ms | offset ≤ 30 ms | drift err (ppm, fitted calls) | align ms/call | features ms/call |'
  rows.push(header, '|' + ' --- |'.repeat(10))
  const calls = Array.from({ length: CALLS }, (_, i) =>
    generateCall(FIRST_SEED + i, { turns: 14 + (i % 3) * 6, holdMusic: i % 2 === 0 }, CACHE),
  )
  const cases: [string, Variant, GeneratedCall[]][] = VARIANTS.map((v) => [v, v, calls])
  if (process.env.BENCH_LONG) {
    const halfHour = generateCall(7777, { turns: 260, holdMusic: true }, CACHE)
    const hour = generateCall(8888, { turns: 520, holdMusic: true }, CACHE)
    const minutes = (call: GeneratedCall) => `${Math.round(call.duration / 60)} min`
    cases.push([`${minutes(halfHour)} created_at_mono`, 'created_at_mono', [halfHour]])
    cases.push([`${minutes(halfHour)} report_stereo`, 'report_stereo', [halfHour]])
    cases.push([`${minutes(hour)} created_at_mono`, 'created_at_mono', [hour]])
  }
  const wordRows = [
    '| variant | agent words | agent: spread mean / p90 (ms) | agent: audio mean / p90 | agent: classes mean / p90 | user words | user: spread mean / p90 | user: audio mean / p90 | user: classes mean / p90 | audio ms per 10 s turn | classes ms per 10 s turn |',
    '|' + ' --- |'.repeat(11),
  ]
  const referenceRows = [
    '| variant | agent: reference mean / p90 (ms) | user: reference mean / p90 | Flite ms per 10 s turn | DTW + guard ms per 10 s turn |',
    '|' + ' --- |'.repeat(5),
  ]
  for (const [label, variant, set] of cases) {
    const results: CallResult[] = []
    for (const call of set) results.push(await runCall(call, variant, model))
    wordRows.push(wordRow(label, results))
    console.log(wordRows.at(-1))
    if (REFERENCE_VARIANTS.includes(label as Variant)) {
      referenceRows.push(await referenceRow(label, results))
      console.log(referenceRows.at(-1))
    }
    const before = summary(results.flatMap((r) => r.before))
    const after = summary(results.flatMap((r) => r.after))
    const offsetOk = results.filter((r) => r.offsetError <= 0.03).length
    const fitted = results.filter((r) => r.driftFitted)
    const drift = fitted.length ? Math.round(median(fitted.map((r) => r.driftError))) : '–'
    const ms = Math.round(median(results.map((r) => r.alignMs)))
    const featureMs = Math.round(median(results.map((r) => r.featureMs)))
    const msgs = results.reduce((n, r) => n + r.after.length, 0)
    rows.push(
      `| ${label} | ${set.length} | ${msgs} | ${before.mean} / ${before.p95} | ${after.mean} / ${after.p95} | ${after.within50} % | ${offsetOk}/${set.length} | ${drift} | ${ms} | ${featureMs} |`,
    )
    console.log(rows.at(-1))
  }
  rows.push('', ...wordRows)
  if (REFERENCE_VARIANTS.length > 0) rows.push('', ...referenceRows)
  const out = join('bench-results', 'align.md')
  mkdirSync('bench-results', { recursive: true })
  writeFileSync(out, rows.join('\n') + '\n')
  console.log(`\n${rows.join('\n')}\n\nwritten to ${out}`)
}

if (process.argv[1]?.endsWith('bench-align.ts')) void main()
