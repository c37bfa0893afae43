import { expect, test } from 'vitest'
import type { TimedSegment, WordTimings } from '../../domain/call'
import type { ParsedInput } from '../../domain/parse/parse-input'
import type { ParseResult } from '../../domain/problems'
import { inPieces, joinPieces, SEGMENTS_PER_PIECE } from './reply-pieces'

function segment(i: number): TimedSegment {
  return {
    role: 'assistant',
    timeBase: 'segment_audio',
    messageId: `m${i}`,
    segmentIndex: 0,
    interrupted: false,
    words: [],
  }
}

function timingsResult(count: number): ParseResult<ParsedInput> {
  const timings: WordTimings = {
    file: 't.json',
    segments: Array.from({ length: count }, (_, i) => segment(i)),
  }
  return { ok: true, value: { kind: 'timings', timings }, problems: [] }
}

test('timings go in pieces of SEGMENTS_PER_PIECE segments and join back in order', () => {
  const result = timingsResult(2 * SEGMENTS_PER_PIECE + 7)
  const { pieces, rest } = inPieces(result)
  expect(pieces.map((p) => p.length)).toEqual([SEGMENTS_PER_PIECE, SEGMENTS_PER_PIECE, 7])
  expect(rest.ok && rest.value.kind === 'timings' && rest.value.timings.segments).toEqual([])
  expect(joinPieces(pieces, rest)).toEqual(result)
})

test('a history, a failed parse and empty timings are sent whole', () => {
  const failed: ParseResult<ParsedInput> = { ok: false, problems: [] }
  expect(inPieces(failed)).toEqual({ pieces: [], rest: failed })
  const empty = timingsResult(0)
  expect(inPieces(empty).pieces).toEqual([])
  expect(joinPieces([], inPieces(empty).rest)).toEqual(empty)
})
