import type { TimedSegment } from '../../domain/call'
import type { ParsedInput } from '../../domain/parse/parse-input'
import type { ParseResult } from '../../domain/problems'

/**
 * Segments of word timings per message from the parse worker: an hour's timings in one message
 * took the page 50–110 ms to receive (the structured clone of every word), a task of its own.
 */
export const SEGMENTS_PER_PIECE = 250

/** A parse result as messages: the timings' segments in pieces, then the result without them. */
export function inPieces(result: ParseResult<ParsedInput>): {
  pieces: TimedSegment[][]
  rest: ParseResult<ParsedInput>
} {
  if (!result.ok || result.value.kind !== 'timings') return { pieces: [], rest: result }
  const { timings } = result.value
  const pieces: TimedSegment[][] = []
  for (let at = 0; at < timings.segments.length; at += SEGMENTS_PER_PIECE)
    pieces.push(timings.segments.slice(at, at + SEGMENTS_PER_PIECE))
  return {
    pieces,
    rest: { ...result, value: { kind: 'timings', timings: { ...timings, segments: [] } } },
  }
}

/** The result again from what `inPieces` sent, in the order it was sent. */
export function joinPieces(
  pieces: readonly TimedSegment[][],
  rest: ParseResult<ParsedInput>,
): ParseResult<ParsedInput> {
  if (!rest.ok || rest.value.kind !== 'timings' || pieces.length === 0) return rest
  const { timings } = rest.value
  const segments = pieces.flat().concat(timings.segments)
  return { ...rest, value: { kind: 'timings', timings: { ...timings, segments } } }
}
