import { errorText } from '../../domain/error-text'
import { exactSize } from './body-size'
import { takeEarlyFetch } from './early-fetch'
import type { ReceivedBytes } from './received-bytes'

/** Bytes received so far, and the announced size when the server gave a plausible one. */
export type Progress = (loaded: number, total: number | undefined) => void

/**
 * `report` once per 256 KB at most, and for the last byte: a long download arrives in thousands
 * of chunks, and each report is a re-render or a message to the page's thread.
 */
export function everyFewChunks(report: Progress): Progress {
  const step = 256 * 1024
  let reportedAt = -Infinity
  return (loaded, total) => {
    if (loaded - reportedAt < step && loaded !== total) return
    reportedAt = loaded
    report(loaded, total)
  }
}

/** How much a linked file may cost before it is given up: a URL can point at anything. */
export interface FetchLimits {
  maxBytes: number
  /** No byte for this long: the server stalled. */
  idleMs: number
  /** The whole download, however steadily it trickles. */
  totalMs: number
}

const MB = 1024 * 1024
export const TEXT_LIMITS: FetchLimits = { maxBytes: 256 * MB, idleMs: 30_000, totalMs: 120_000 }
export const AUDIO_LIMITS: FetchLimits = {
  maxBytes: 1024 * MB,
  idleMs: 30_000,
  totalMs: 30 * 60_000,
}

/** `&timeout_s=` and `&max_mb=` on the page URL override the limits (slow links, huge WAVs). */
export function limitsFrom(search: string, defaults: FetchLimits): FetchLimits {
  const params = new URLSearchParams(search)
  const timeout = Number(params.get('timeout_s'))
  const maxMb = Number(params.get('max_mb'))
  return {
    maxBytes: maxMb > 0 ? maxMb * MB : defaults.maxBytes,
    idleMs: timeout > 0 ? Math.min(defaults.idleMs, timeout * 1000) : defaults.idleMs,
    totalMs: timeout > 0 ? timeout * 1000 : defaults.totalMs,
  }
}

export function formatBytes(bytes: number): string {
  return bytes >= MB ? `${(bytes / MB).toFixed(1)} MB` : `${Math.round(bytes / 1024)} KB`
}

export interface FetchOptions {
  limits: FetchLimits
  signal?: AbortSignal
  onProgress?: Progress
  /** Gets the body's chunks as they arrive (`fetchBlob` gives it the whole body, or undefined). */
  into?: ReceivedBytes
  /** What a relative `url` is relative to: in a worker, the page's address, not the worker's. */
  base?: string
}

/** The reviewer pressed Cancel. */
export class FetchCancelled extends Error {}

/**
 * The request failed before any answer: the network, or a server that sends this page no CORS
 * headers (the browser does not say which). A media element may still play such a link.
 */
export class FetchUnanswered extends Error {}

/**
 * GET with a size cap, an idle and a total timeout, and cancellation; every failure is an Error
 * whose message names the URL and says what happened.
 */
export async function fetchLimited(
  url: string,
  { limits, signal, onProgress, into, base }: FetchOptions,
): Promise<{ body: Blob; type: string }> {
  const controller = new AbortController()
  let why: string | undefined
  const stop = (reason: string) => {
    why ??= reason
    controller.abort()
  }
  const onCancel = () => stop('cancelled')
  signal?.addEventListener('abort', onCancel)
  if (signal?.aborted) onCancel()
  const total = setTimeout(
    () => stop(`timed out after ${Math.round(limits.totalMs / 1000)} s`),
    limits.totalMs,
  )
  let idle: ReturnType<typeof setTimeout> | undefined
  const stillAlive = () => {
    clearTimeout(idle)
    idle = setTimeout(
      () => stop(`no data for ${Math.round(limits.idleMs / 1000)} s; the server stalled`),
      limits.idleMs,
    )
  }
  const fail = (error: unknown): never => {
    if (why === 'cancelled') throw new FetchCancelled(`${url}: cancelled`)
    if (why) throw new Error(`${url}: ${why}`, { cause: error })
    throw new Error(`${url}: could not be fetched (${errorText(error)})`, { cause: error })
  }
  // No answer at all: the browser says the same for a network failure and for a server without
  // CORS rules for this page, the usual one.
  const unanswered = (error: unknown): never => {
    if (why) fail(error)
    const message = errorText(error)
    const likely = 'the network failed, or its server does not let this page read it (CORS)'
    throw new FetchUnanswered(`${url}: could not be fetched (${message}): ${likely}`, {
      cause: error,
    })
  }
  try {
    stillAlive()
    const response = await (
      takeEarlyFetch(url, controller.signal) ??
      fetch(resolved(url, base), { signal: controller.signal })
    ).catch(unanswered)
    if (!response.ok)
      throw new Error(`${url}: HTTP ${response.status} ${response.statusText}`.trim())
    const announced = Number(response.headers.get('content-length')) || undefined
    if (announced !== undefined && announced > limits.maxBytes)
      throw new Error(
        `${url}: ${formatBytes(announced)} is over the ${formatBytes(limits.maxBytes)} limit`,
      )
    into?.begin(exactSize(response, announced))
    // A recording whose reader wants no more of it (see `ReceivedBytes.drop`) ends here.
    into?.dropped.addEventListener('abort', () => controller.abort())
    const pause = () => clearTimeout(idle)
    const body = await readBody(response, limits, { alive: stillAlive, pause }, into, (loaded) => {
      if (loaded > limits.maxBytes)
        stop(`stopped at ${formatBytes(limits.maxBytes)}, the size limit`)
      // A content-length smaller than what arrived is wrong: report bytes only.
      onProgress?.(loaded, announced !== undefined && announced >= loaded ? announced : undefined)
    }).catch((error: unknown) => (into?.dropped.aborted && !why ? into.received() : fail(error)))
    if (why) fail(undefined)
    return { body, type: response.headers.get('content-type') ?? '' }
  } finally {
    clearTimeout(total)
    clearTimeout(idle)
    signal?.removeEventListener('abort', onCancel)
  }
}

/** Not a link even against `base`: `fetch` says so, in the usual message. */
function resolved(url: string, base: string | undefined): string {
  try {
    return base ? new URL(url, base).href : url
  } catch {
    return url
  }
}

async function readBody(
  response: Response,
  limits: FetchLimits,
  idle: { alive: () => void; pause: () => void },
  into: ReceivedBytes | undefined,
  onChunk: (loaded: number) => void,
): Promise<Blob> {
  if (!response.body) return response.blob()
  const body = new FoldedBody(into && ((bytes) => into.fold(bytes)))
  let loaded = 0
  for await (const chunk of bodyChunks(response.body, body)) {
    idle.alive()
    loaded += chunk.byteLength
    onChunk(loaded)
    if (loaded > limits.maxBytes) break
    // Before `take`: a chunk read into the body's buffer is valid until the next fold.
    into?.push(chunk)
    body.take(chunk)
    // A held recording waits for its reader to choose; the server is not what is slow then.
    const room = into?.room()
    if (room) {
      idle.pause()
      await room
      idle.alive()
    }
    if (into?.dropped.aborted) break
  }
  if (loaded > limits.maxBytes) return new Blob([])
  body.flush()
  return into ? into.received() : body.blob()
}

/** A page's heap holds at most this much of a download; the rest is in the browser's Blob store. */
const FOLD_BYTES = 4 * 1024 * 1024

/**
 * A body's bytes, gathered into a Blob every few MB as they arrive: an hour of WAV (230 MB) is
 * never held in the page's heap, and the whole is a Blob of those Blobs, which copies nothing.
 * The bytes are read into one buffer, used again after every fold, so a download leaves no
 * garbage: chunks allocated for it would stay in memory until the next full collection, which a
 * 30 MB download does not bring about.
 */
export class FoldedBody {
  private readonly parts: Blob[] = []
  private buffer = new ArrayBuffer(FOLD_BYTES)
  private filled = 0

  /**
   * `into` takes each buffer as it fills, instead of this body (the body so far is readable
   * while it downloads), and gives back the buffer to fill next.
   */
  constructor(private readonly into?: (bytes: Uint8Array<ArrayBuffer>) => ArrayBuffer) {}

  /** Where the next bytes can be read to: the rest of the buffer. */
  space(): Uint8Array<ArrayBuffer> {
    return new Uint8Array(this.buffer, this.filled)
  }

  /** Bytes that arrived: read into `space()` and reclaimed, or from anywhere else (copied). */
  take(chunk: Uint8Array<ArrayBuffer>) {
    if (chunk.buffer === this.buffer) {
      this.filled += chunk.byteLength
      if (this.filled === FOLD_BYTES) this.fold()
      return
    }
    for (let at = 0; at < chunk.byteLength;) {
      const copied = Math.min(chunk.byteLength - at, FOLD_BYTES - this.filled)
      new Uint8Array(this.buffer, this.filled, copied).set(chunk.subarray(at, at + copied))
      this.filled += copied
      at += copied
      if (this.filled === FOLD_BYTES) this.fold()
    }
  }

  /**
   * Takes the buffer back from a byte stream: reading into `space()` moves it into the ArrayBuffer
   * of the view the read returns (the last, empty read's too).
   */
  reclaim(view: Uint8Array<ArrayBuffer>) {
    this.buffer = view.buffer
  }

  /** Folds the bytes of a last buffer that did not fill. */
  flush() {
    if (this.filled > 0) this.fold()
  }

  /** The body's parts, the last one folded now; none when they went `into` another. */
  blob(): Blob {
    this.flush()
    return new Blob(this.parts)
  }

  private fold() {
    const bytes = new Uint8Array(this.buffer, 0, this.filled)
    this.filled = 0
    if (this.into) this.buffer = this.into(bytes)
    // The Blob copies the bytes, so the buffer is free for the next ones.
    else this.parts.push(new Blob([bytes]))
  }
}

/**
 * The body's chunks, read straight into `body`'s buffer where the stream allows it (a byte
 * stream, as fetch gives in current browsers), else as the stream hands them out.
 */
export async function* bodyChunks(
  stream: ReadableStream<Uint8Array<ArrayBuffer>>,
  body: FoldedBody,
): AsyncGenerator<Uint8Array<ArrayBuffer>> {
  let byob: ReadableStreamBYOBReader | undefined
  try {
    byob = stream.getReader({ mode: 'byob' })
  } catch {
    // Not a byte stream: chunks as the stream makes them.
    const reader = stream.getReader()
    try {
      for (let read = await reader.read(); !read.done; read = await reader.read()) yield read.value
    } finally {
      await reader.cancel().catch(() => {})
    }
    return
  }
  try {
    for (;;) {
      const read = await byob.read(body.space())
      if (read.value) body.reclaim(read.value)
      if (read.done) return
      yield read.value
    }
  } finally {
    await byob.cancel().catch(() => {})
  }
}

/** Static hosts answer a missing file with their index page: that is not a history. */
export async function fetchText(url: string, options: FetchOptions): Promise<string> {
  const { body, type } = await fetchLimited(url, options)
  if (type.includes('text/html'))
    throw new Error(`${url}: an HTML page came back instead of JSON; the file is probably missing`)
  return body.text()
}

/**
 * Reads the body in chunks so the UI can show how far a long recording has come. A Blob, not an
 * ArrayBuffer: its bytes leave the page's heap, and the media element and the decoders read it.
 */
export async function fetchBlob(
  url: string,
  options: FetchOptions,
): Promise<{ data: Blob; type: string }> {
  try {
    const { body, type } = await fetchLimited(url, options)
    const data = type ? new Blob([body], { type }) : body
    options.into?.end(data)
    return { data, type }
  } catch (error) {
    options.into?.end(undefined)
    throw error
  }
}
