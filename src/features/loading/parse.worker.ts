/// <reference lib="webworker" />
import type { TimedSegment } from '../../domain/call'
import type { InputRole, ParsedInput, parseInputText } from '../../domain/parse/parse-input'
import type { ParseResult } from '../../domain/problems'
import type { FetchLimits } from './fetch-source'
import { everyFewChunks, FetchCancelled, fetchText } from './fetch-source'
import { inPieces } from './reply-pieces'

/** A file's text to parse, or a link to download and parse (`link`, relative to `base`). */
export type ParseRequest = {
  id: number
  name: string
  expected?: InputRole
} & (
  | { text: string }
  /** `held`: parsed only once the page releases it (see `ReleaseRequest`). */
  | { link: string; base: string; limits: FetchLimits; held: boolean }
)

/** Stops the download of request `cancel`. */
export interface CancelRequest {
  cancel: number
}

/** The held requests may be parsed: the recording's first waveform is drawn. */
export interface ReleaseRequest {
  release: true
}

export type ParseReply =
  | { id: number; ok: true; result: ParseResult<ParsedInput> }
  | { id: number; ok: false; error: string }
  /** A piece of a timings file's segments, sent ahead of its result (`reply-pieces.ts`). */
  | { id: number; piece: TimedSegment[] }
  /** How much of a link has come in. */
  | { id: number; loaded: number; total: number | undefined }
  /** A link's download failed, or was cancelled: `failed` names the link and says how. */
  | { id: number; failed: string; cancelled: boolean }

/** The links not answered yet: Cancel stops a download, or the parse of one held. */
const links = new Map<number, AbortController>()
let release: () => void = () => {}
const released = new Promise<void>((resolve) => (release = resolve))
let parsers: Promise<{ parseInputText: typeof parseInputText }> | undefined

/**
 * The parsers (zod's schemas, json5) load once a parse may start, alongside the downloads: loaded
 * once a file was in, they took 200 ms more; as the worker starts, they took a cold open's
 * cores from its opening.
 */
function loadParsers() {
  parsers ??= import('../../domain/parse/parse-input')
  // A failure to load is each parse's to report.
  parsers.catch(() => {})
  return parsers
}

/**
 * JSON parsing and validation of a long call's files: about 150 ms of main thread an hour. A
 * linked file is downloaded here too, so its bytes and its text never pass through the page.
 */
self.onmessage = (event: MessageEvent<ParseRequest | CancelRequest | ReleaseRequest>) => {
  const request = event.data
  if ('release' in request) {
    void loadParsers()
    return release()
  }
  if ('cancel' in request) return links.get(request.cancel)?.abort()
  if ('text' in request) return void parse(request.id, request.name, request.text, request.expected)
  if (!request.held) void loadParsers()
  void downloadAndParse(request)
}

async function downloadAndParse(request: Extract<ParseRequest, { link: string }>) {
  const { id, link, held } = request
  const cancel = new AbortController()
  links.set(id, cancel)
  try {
    const text = await download(request, cancel.signal)
    if (text === undefined) return
    if (held) await released
    if (cancel.signal.aborted) return post({ id, failed: `${link}: cancelled`, cancelled: true })
    await parse(id, request.name, text, request.expected)
  } finally {
    links.delete(id)
  }
}

async function download(
  { id, link, base, limits }: Extract<ParseRequest, { link: string }>,
  signal: AbortSignal,
) {
  const onProgress = everyFewChunks((loaded, total) => post({ id, loaded, total }))
  try {
    return await fetchText(link, { limits, base, signal, onProgress })
  } catch (error) {
    const failed = error instanceof Error ? error.message : String(error)
    post({ id, failed, cancelled: error instanceof FetchCancelled })
    return undefined
  }
}

async function parse(id: number, name: string, text: string, expected: InputRole | undefined) {
  try {
    const { parseInputText } = await loadParsers()
    const { pieces, rest } = inPieces(parseInputText(name, text, expected))
    for (const piece of pieces) post({ id, piece })
    post({ id, ok: true, result: rest })
  } catch (error) {
    post({ id, ok: false, error: String(error) })
  }
}

function post(reply: ParseReply) {
  self.postMessage(reply)
}
