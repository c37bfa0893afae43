import type { InputRole, ParsedInput } from '../../domain/parse/parse-input'
import type { ParseResult } from '../../domain/problems'
import type { TimedSegment } from '../../domain/call'
import type { FetchLimits, Progress } from './fetch-source'
import { FetchCancelled, fetchText } from './fetch-source'
import { joinPieces } from './reply-pieces'
import type { CancelRequest, ParseReply, ParseRequest, ReleaseRequest } from './parse.worker'

type Parsed = ParseResult<ParsedInput>

interface Pending {
  resolve: (result: Parsed | Promise<Parsed>) => void
  reject: (error: unknown) => void
  /** The same work on the page: the worker could not start, or its answer could not be sent. */
  onPage: () => Promise<Parsed>
  /** Pieces of a timings file's segments received so far. */
  pieces: TimedSegment[][]
  progressed?: Progress | undefined
}

let worker: Worker | undefined
let nextId = 0
const pending = new Map<number, Pending>()

/** The parsers (zod's schemas, json5) are fetched only when the page parses after all. */
async function parseHere(name: string, text: string, expected?: InputRole): Promise<Parsed> {
  const { parseInputText } = await import('../../domain/parse/parse-input')
  return parseInputText(name, text, expected)
}

function stopWorker() {
  worker?.terminate()
  worker = undefined
}

/**
 * One worker for every file: a second, parsing the word timings beside the history, took the
 * core a reopen's first draw needed, and the transcript came no sooner.
 */
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
    if ('piece' in reply) return void waiting.pieces.push(reply.piece)
    if ('loaded' in reply) return waiting.progressed?.(reply.loaded, reply.total)
    pending.delete(reply.id)
    if ('failed' in reply)
      waiting.reject(reply.cancelled ? new FetchCancelled(reply.failed) : new Error(reply.failed))
    else waiting.resolve(reply.ok ? joinPieces(waiting.pieces, reply.result) : waiting.onPage())
    // Files are opened rarely: an idle worker would keep its heap (the parsed call) for nothing.
    if (pending.size === 0) stopWorker()
  }
  worker.onerror = () => {
    stopWorker()
    for (const waiting of pending.values()) waiting.resolve(waiting.onPage())
    pending.clear()
  }
  return worker
}

function send(
  request: ParseRequest,
  onPage: () => Promise<Parsed>,
  progressed?: Progress,
): Promise<Parsed> {
  const target = startWorker()
  if (!target) return onPage()
  return new Promise((resolve, reject) => {
    pending.set(request.id, { resolve, reject, onPage, pieces: [], progressed })
    target.postMessage(request)
  })
}

/**
 * `parseInputText` in a worker: an hour's history and word timings take 150 ms or more of JSON
 * parsing and validation, which the page would spend in one task before the transcript shows.
 */
export function parseOffThread(name: string, text: string, expected?: InputRole): Promise<Parsed> {
  const request: ParseRequest = { id: nextId++, name, text, ...(expected ? { expected } : {}) }
  return send(request, () => parseHere(name, text, expected))
}

/** A linked file being downloaded and parsed in the worker (`parseLinkOffThread`). */
export interface LinkedParse {
  /** Rejects with the download's failure, whose message names the link. */
  result: Promise<Parsed>
  /** Tells `onProgress` how much has come in, starting with what has come in so far. */
  follow(onProgress: Progress): void
  cancel(): void
}

/**
 * A linked file downloaded (within `limits`) and parsed in the worker: its bytes and its text
 * never pass through the page's thread, which only gets the parsed file. One `held` is
 * downloaded at once but parsed only after `releaseHeldParses`.
 */
export function parseLinkOffThread(
  link: string,
  name: string,
  expected: InputRole,
  limits: FetchLimits,
  held = false,
): LinkedParse {
  const id = nextId++
  const cancelled = new AbortController()
  let onProgress: Progress | undefined
  let sofar: Parameters<Progress> | undefined
  const progressed: Progress = (loaded, total) => {
    sofar = [loaded, total]
    onProgress?.(loaded, total)
  }
  const onPage = async () => {
    const text = await fetchText(link, { limits, signal: cancelled.signal, onProgress: progressed })
    return parseHere(name, text, expected)
  }
  const base = document.baseURI
  const result = send({ id, name, expected, link, base, limits, held }, onPage, progressed)
  // Reported by whoever takes it: a download started early may fail before it is taken.
  result.catch(() => {})
  return {
    result,
    follow(listener) {
      onProgress = listener
      if (sofar) listener(...sofar)
    },
    cancel() {
      cancelled.abort()
      worker?.postMessage({ cancel: id } satisfies CancelRequest)
    },
  }
}

/** The held downloads may be parsed now (a parse on the page, where the worker failed, never waits). */
export function releaseHeldParses() {
  worker?.postMessage({ release: true } satisfies ReleaseRequest)
}
