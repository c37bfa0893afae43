/// <reference lib="webworker" />
import type { InputRole, ParsedInput } from '../../domain/parse/parse-input'
import { parseInputText } from '../../domain/parse/parse-input'
import type { ParseResult } from '../../domain/problems'

export interface ParseRequest {
  id: number
  name: string
  text: string
  expected?: InputRole
}

export type ParseReply =
  | { id: number; ok: true; result: ParseResult<ParsedInput> }
  | { id: number; ok: false; error: string }

/** JSON parsing and validation of a long call's files: about 150 ms of main thread an hour. */
self.onmessage = (event: MessageEvent<ParseRequest>) => {
  const { id, name, text, expected } = event.data
  try {
    const reply: ParseReply = { id, ok: true, result: parseInputText(name, text, expected) }
    self.postMessage(reply)
  } catch (error) {
    const reply: ParseReply = { id, ok: false, error: String(error) }
    self.postMessage(reply)
  }
}
