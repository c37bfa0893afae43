import { tailSpan } from '../../domain/audio/content-key'
import { exactSize } from './body-size'

/** A request the page's first script made, until the app takes its response. */
interface Early {
  response: Promise<Response>
  controller: AbortController
}

/** By absolute link, or link and `Range` for a ranged read. */
const started = new Map<string, Early>()
/** Those the app has asked for, early or not: asked for early after that, they would be twice. */
const claimed = new Set<string>()

/** One the app never asks for (a reopened link drawn from the cache needs no tail) is stopped. */
const UNTAKEN_MS = 20_000

/** The first script's own copies of a recording's early download and of its tail. */
export interface EarlyCopies {
  recording: Promise<Response>
  /** Undefined when the tail was not asked for (no size known, or too small a file). */
  tail: Promise<Response | undefined>
}

/**
 * Asks for a recording now, and for its last bytes, which its opening is planned from with its
 * first ones (`tailSpan`), as soon as the headers give its size. Gives copies of both responses
 * to read from the first script (see `early-opening`); their bodies must be read or cancelled,
 * or the browser keeps all of the download for them.
 */
export function fetchRecordingEarly(url: string): EarlyCopies | undefined {
  const href = absolute(url)
  const early = href === undefined ? undefined : startEarly(href)
  if (!href || !early) return undefined
  // Copied before the app can take them: a response whose body is read cannot be.
  const recording = early.response.then((response) => response.clone())
  const tail = early.response.then((response) => askTail(href, response)?.then((t) => t.clone()))
  return { recording, tail }
}

function startEarly(href: string): Early | undefined {
  if (started.has(href) || claimed.has(href)) return undefined
  const early = begin(href, {})
  keep(href, early)
  return early
}

/** The early download of `url`, taken once; it stops when `signal` aborts. */
export function takeEarlyFetch(url: string, signal: AbortSignal): Promise<Response> | undefined {
  return take(absolute(url), signal)
}

/** The early ranged read of `range` of `url` (`Range` as the app writes it), taken once. */
export function takeEarlyRange(
  url: string,
  range: string,
  signal: AbortSignal,
): Promise<Response> | undefined {
  const href = absolute(url)
  return href === undefined ? undefined : take(`${href} ${range}`, signal)
}

function askTail(href: string, response: Response): Promise<Response> | undefined {
  // The size the app reads (`fetchLimited`).
  const size = exactSize(response, Number(response.headers.get('content-length')) || undefined)
  const span = response.ok && size !== undefined ? tailSpan(size) : undefined
  if (!span) return undefined
  const range = `bytes=${span.start}-${span.end - 1}`
  if (claimed.has(`${href} ${range}`)) return undefined
  // As the app's own ranged reads (see `askRange`): past the HTTP cache's lock on the URL.
  const early = begin(href, { headers: { Range: range }, cache: 'no-store' })
  keep(`${href} ${range}`, early)
  return early.response
}

function keep(key: string, early: Early) {
  started.set(key, early)
  setTimeout(() => {
    if (started.get(key) !== early) return
    started.delete(key)
    early.controller.abort()
  }, UNTAKEN_MS)
}

function begin(href: string, init: RequestInit): Early {
  const controller = new AbortController()
  const response = fetch(href, { ...init, signal: controller.signal })
  // Its failure is reported by whoever takes it.
  response.catch(ignore)
  return { response, controller }
}

function take(key: string | undefined, signal: AbortSignal): Promise<Response> | undefined {
  if (key === undefined) return undefined
  claimed.add(key)
  const early = started.get(key)
  if (!early) return undefined
  started.delete(key)
  if (signal.aborted) early.controller.abort()
  else signal.addEventListener('abort', () => early.controller.abort(), { once: true })
  return early.response
}

/** Not a link (or no page to read it against, in a worker): the app fetches it itself. */
function absolute(url: string): string | undefined {
  try {
    return new URL(url, document.baseURI).href
  } catch {
    return undefined
  }
}

function ignore() {}
