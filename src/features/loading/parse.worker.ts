/// <reference lib="webworker" />
import type { TimedSegment } from '../../domain/call'
import type { InputRole, ParsedInput } from '../../domain/parse/parse-input'
import { parseInputText } from '../../domain/parse/parse-input'
import type { ParseResult } from '../../domain/problems'
import { inPieces } from './reply-pieces'

export interface ParseRequest {
  id: number
  name: string
  text: string
  expected?: InputRole
}

export type ParseReply =
  | { id: number; ok: true; result: ParseResult<ParsedInput> }
  | { id: number; ok: false; error: string }
  /** A piece of a timings file's segments, sent ahead of its result (`reply-pieces.ts`). */
  | { id: number; piece: TimedSegment[] }

/** JSON parsing and validation of a long call's files: about 150 ms of main thread an hour. */
self.onmessage = (event: MessageEvent<ParseRequest>) => {
  const { id, name, text, expected } = event.data
  try {
    const { pieces, rest } = inPieces(parseInputText(name, text, expected))
    for (const piece of pieces) self.postMessage({ id, piece } satisfies ParseReply)
    self.postMessage({ id, ok: true, result: rest } satisfies ParseReply)
  } catch (error) {
    const reply: ParseReply = { id, ok: false, error: String(error) }
    self.postMessage(reply)
  }
}
