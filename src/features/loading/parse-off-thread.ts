import type { InputRole, ParsedInput } from '../../domain/parse/parse-input'
import type { ParseResult } from '../../domain/problems'
import type { TimedSegment } from '../../domain/call'
import { joinPieces } from './reply-pieces'
import type { ParseReply, ParseRequest } from './parse.worker'

type Pending = {
  resolve: (result: ParseResult<ParsedInput> | Promise<ParseResult<ParsedInput>>) => void
  request: ParseRequest
  /** Pieces of a timings file's segments received so far. */
  pieces: TimedSegment[][]
}

let worker: Worker | undefined
let nextId = 0
const pending = new Map<number, Pending>()

/**
 * Parsed on the page after all: the worker could not start, or its answer could not be sent.
 * The parsers (zod's schemas, json5) are fetched only then, not with the page's first script.
 */
async function parseHere({
  name,
  text,
  expected,
}: ParseRequest): Promise<ParseResult<ParsedInput>> {
  const { parseInputText } = await import('../../domain/parse/parse-input')
  return parseInputText(name, text, expected)
}

function stopWorker() {
  worker?.terminate()
  worker = undefined
}

function startWorker(): Worker | undefined {
  if (worker || typeof Worker === 'undefined') return worker
  try {
    worker = new Worker(new URL('./parse.worker.ts', import.meta.url), { type: 'module' })
  } catch {
    return undefined
  }
  worker.onmessage = (event: MessageEvent<ParseReply>) => {
    const reply = event.data
    const waiting = pending.get(reply.id)
    if (!waiting) return
    if ('piece' in reply) {
      waiting.pieces.push(reply.piece)
      return
    }
    pending.delete(reply.id)
    waiting.resolve(
      reply.ok ? joinPieces(waiting.pieces, reply.result) : parseHere(waiting.request),
    )
    // Files are opened rarely: an idle worker would keep its heap (the parsed call) for nothing.
    if (pending.size === 0) stopWorker()
  }
  worker.onerror = () => {
    stopWorker()
    for (const waiting of pending.values()) waiting.resolve(parseHere(waiting.request))
    pending.clear()
  }
  return worker
}

/**
 * `parseInputText` in a worker: an hour's history and word timings take 150 ms or more of JSON
 * parsing and validation, which the page would spend in one task before the transcript shows.
 */
export function parseOffThread(
  name: string,
  text: string,
  expected?: InputRole,
): Promise<ParseResult<ParsedInput>> {
  const request: ParseRequest = { id: nextId++, name, text, ...(expected ? { expected } : {}) }
  const target = startWorker()
  if (!target) return parseHere(request)
  return new Promise((resolve) => {
    pending.set(request.id, { resolve, request, pieces: [] })
    target.postMessage(request)
  })
}
