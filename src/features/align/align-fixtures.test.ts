import { readFileSync } from 'node:fs'
import { OpusDecoder } from 'opus-decoder'
import { describe, expect, test } from 'vitest'
import { alignCall } from '../../domain/align/align-call'
import { anchorCertainty, channelLayout, turnsToAlign } from '../../domain/align/timeline-turns'
import { planOggRanges } from '../../domain/audio/decode-ranges'
import { OggPacketReader, parseOpusHead, scanOggPages } from '../../domain/audio/ogg-pages'
import { stereoUserOnset } from '../../domain/audio/peaks'
import type { RangeResult } from '../../domain/audio/range-sink'
import type { CallHistory, EgressRecording } from '../../domain/call'
import { parseJsonValue } from '../../domain/parse/parse-input'
import { placeCall } from '../../domain/place/place-call'
import { OPUS_DECODE_RATE } from '../audio/decode-protocol'
import { decodeOggPages } from '../audio/ogg-range'

/**
 * The committed generated call (`npm run fixtures:align`) in every input variant, decoded from its
 * Ogg Opus file and aligned as the app does: message starts against the exact truth, with the
 * issue's bounds on p95, on real (synthesised, encoded) audio and without a synthesiser in CI.
 */
const fixture = (name: string) => new URL(`../../../e2e/fixtures/align/${name}`, import.meta.url)
const json = (name: string) => JSON.parse(readFileSync(fixture(name), 'utf8')) as unknown
const truth = json('truth.json') as { turns: { id: string; start_s: number }[] }

async function decode(name: string): Promise<RangeResult> {
  const bytes = new Uint8Array(readFileSync(fixture(name)))
  const pages = scanOggPages(bytes)
  const head = parseOpusHead(new OggPacketReader().push(bytes, pages[0]!)[0] ?? bytes)
  if (!head) throw new Error(`${name}: no OpusHead`)
  const plan = planOggRanges(pages, OPUS_DECODE_RATE, head.preSkip, bytes.length)
  const first = plan.ranges[0]!
  const decoder = new OpusDecoder({ ...head, preSkip: 0, sampleRate: OPUS_DECODE_RATE })
  await decoder.ready
  return decodeOggPages(decoder, head.channels, {
    bytes: bytes.slice(first.byteStart).buffer,
    preroll: first.preroll,
    startPos: first.startPos,
    emitFrom: 0,
    emitTo: plan.totalSamples,
  })
}

function parseHistory(value: unknown): CallHistory {
  const result = parseJsonValue('history.json', value)
  if (!result.ok || result.value.kind !== 'history') throw new Error('history.json: no history')
  return result.value.history
}

function parseEgress(value: unknown): EgressRecording {
  const result = parseJsonValue('egress.json', value)
  if (!result.ok || result.value.kind !== 'egress') throw new Error('egress.json: no egress')
  return result.value.egress
}

const p95 = (errors: number[]) =>
  [...errors].sort((a, b) => a - b)[Math.floor(0.95 * errors.length)]!

// The bounds on message-start p95, in seconds.
const CASES = [
  ['report_stereo', 0.04],
  ['egress_mono', 0.04],
  ['metrics_no_created_at', 0.04],
  ['created_at_mono', 0.08],
  ['order_mono', 0.12],
] as const

describe('alignment of the committed call, variant by variant', () => {
  test.each(CASES)(
    '%s: message starts p95 within %s s',
    { timeout: 60_000 },
    async (name, bound) => {
      const files = json(`variants/${name}.json`) as {
        recording: string
        history: unknown
        egress?: unknown
      }
      const decoded = await decode(files.recording)
      const features = decoded.features
      const channels = decoded.peaks.length
      const history = parseHistory(files.history)
      const egress = files.egress === undefined ? undefined : parseEgress(files.egress)
      const onset = stereoUserOnset(decoded.peaks)
      const timeline = placeCall({
        history,
        audio: {
          duration: decoded.samples / OPUS_DECODE_RATE,
          channels,
          ...(onset !== undefined ? { firstUserOnset: onset } : {}),
        },
        ...(egress ? { egress } : {}),
      })
      const layout = channelLayout(channels, true, { user: 0, agent: 1 })
      const result = alignCall(turnsToAlign(timeline, new Set()), features, layout, {
        anchor: anchorCertainty(timeline),
      })
      const before: number[] = []
      const after: number[] = []
      for (const turn of truth.turns) {
        const item = timeline.items.find((i) => i.id === turn.id)!
        const aligned = result.turns.get(turn.id)
        const start = aligned && aligned.status !== 'kept' ? aligned.start : item.start
        before.push(Math.abs(item.start - turn.start_s))
        after.push(Math.abs(start - turn.start_s))
      }
      expect(after).toHaveLength(truth.turns.length)
      expect(p95(after)).toBeLessThanOrEqual(bound)
      expect(p95(after)).toBeLessThanOrEqual(p95(before))
    },
  )
})
