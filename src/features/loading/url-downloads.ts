import type { QueryClient } from '@tanstack/react-query'
import { queryOptions } from '@tanstack/react-query'
import { create } from 'zustand'
import {
  AUDIO_LIMITS,
  everyFewChunks,
  fetchBlob,
  FetchUnanswered,
  limitsFrom,
} from './fetch-source'
import { takeParsedText } from './linked-texts'
import { ReceivedBytes } from './received-bytes'
import type { UrlText } from './url-sources'
import { fileNameOf, urlCallPlan } from './url-sources'
import { hasUserOpenedFiles, openInputs } from './open-inputs'
import { absoluteLink, firstWordOn } from '../audio/link-lookup'
import { whenShown } from '../audio/peaks-progress'
import { untilAborted } from '../audio/run-ranges'
import { mediaDuration } from '../audio/open-audio'
import { textsFirst } from '../audio/decode-gate'

/**
 * The downloads of the call the page's URL names. They start as the app's script runs, not
 * after its first render, and the recording opens from its first bytes while the page renders.
 * TanStack Query holds them: the status line and its retries read the same queries.
 */

export interface Received {
  loaded: number
  total: number | undefined
}

/** How much of each source URL has come in, for the status line. */
export const useReceived = create<Record<string, Received>>(() => ({}))

/** One AbortController per source URL, so that Cancel stops that download and no other. */
const controllers = new Map<string, AbortController>()

/** One download attempt's progress: a retry counts from nothing, not from the failed attempt. */
function track(url: string) {
  useReceived.setState((all) => {
    if (!(url in all)) return all
    const others = { ...all }
    delete others[url]
    return others
  }, true)
  return everyFewChunks((loaded, total) => useReceived.setState({ [url]: { loaded, total } }))
}

function cancellable(url: string, signal: AbortSignal): AbortSignal {
  const controller = new AbortController()
  signal.addEventListener('abort', () => controller.abort())
  controllers.set(url, controller)
  return controller.signal
}

export function cancelDownload(url: string) {
  controllers.get(url)?.abort()
}

/**
 * A parsed text, handed over once: the query keeps its status for the status line, not the
 * parsed call, which the call's store holds while it is open.
 */
interface HandedOnce<T> {
  take(): T | undefined
}

function handedOnce<T>(value: T): HandedOnce<T> {
  let kept: T | undefined = value
  return {
    take() {
      const taken = kept
      kept = undefined
      return taken
    },
  }
}

/**
 * One of the call's texts, downloaded and parsed in the parse worker. A failed download is
 * retried by the reviewer, not by mounting the status line.
 */
export function textQuery({ url, role }: UrlText) {
  return queryOptions({
    queryKey: ['source-text', url, role],
    queryFn: async ({ signal }) =>
      handedOnce(
        await takeParsedText(url, role, {
          signal: cancellable(url, signal),
          onProgress: track(url),
        }),
      ),
    retryOnMount: false,
    structuralSharing: false,
  })
}

export function recordingQuery(url: string) {
  return queryOptions({
    queryKey: ['source-audio', url],
    queryFn: async ({ signal }) => {
      const onProgress = track(url)
      const into = new ReceivedBytes(url)
      openDownloading(url, into)
      // Cancel stops the wait too.
      const stop = cancellable(url, signal)
      await downloadMayStart(url, stop)
      try {
        performance.mark('audio:download')
        return await fetchBlob(url, {
          limits: limitsFrom(window.location.search, AUDIO_LIMITS),
          signal: stop,
          onProgress,
          into,
        })
      } catch (error) {
        // Opened without its bytes: nothing failed that the reviewer could retry.
        if (error instanceof FetchUnanswered && (await openedUnread(url, error))) return null
        throw error
      }
    },
    retryOnMount: false,
    structuralSharing: false,
  })
}

/**
 * A link the page's first script is looking up in the cache is downloaded once the lookup has
 * said whether an entry was downloaded from it (`firstWordOn`). A new link's download is then the
 * first script's own, started on that word (`openEarly`). A reopened one's waits until the cached
 * waveform is drawn: its first megabytes, read on the page's thread, held up the draw (see
 * docs/performance.md, stop 33). A link signed again is not known by the lookup's first word, and
 * downloads at once.
 */
async function downloadMayStart(url: string, signal: AbortSignal) {
  // Cancelled, it waits no more: the download then says so.
  const hit = await untilAborted(firstWordOn(url), signal).catch(() => undefined)
  if (hit) await untilAborted(whenShown(hit.cached.peaks), signal).catch(() => {})
}

/** Opened as it downloads (a retry is a new download); a reviewer's own files win over it. */
function openDownloading(url: string, stream: ReceivedBytes) {
  if (hasUserOpenedFiles()) return
  const name = fileNameOf(url)
  // Opened again whole, it is still the link's: its cache entry keeps the link (see `Meta`).
  const reopen = (data: Blob) => {
    if (!hasUserOpenedFiles()) void openInputs([], { name, data, link: absoluteLink(url) })
  }
  void openInputs([], { name, stream, reopen })
}

/** Whether a link the page could not read plays all the same, and is opened so (`loadUnread`). */
async function openedUnread(url: string, error: FetchUnanswered): Promise<boolean> {
  const duration = await mediaDuration(url).catch(() => undefined)
  if (duration === undefined) return false
  const reason = error.cause instanceof Error ? error.cause.message : 'the request failed'
  if (!hasUserOpenedFiles())
    void openInputs([], { name: fileNameOf(url), unread: url, duration, reason })
  return true
}

let textsSettled: () => void = () => {}
const textsPlaced = new Promise<void>((resolve) => (textsSettled = resolve))

/**
 * The URL's texts are placed, or one failed, or the reviewer opened files of their own: the
 * recording's later ranges may start (see `textsFirst`). Called again, it does nothing.
 */
export function urlTextsSettled() {
  textsSettled()
}

/** Starts every download the URL names; the first render finds them under way. */
export function startUrlDownloads(client: QueryClient) {
  const plan = urlCallPlan()
  // Once, here: a render (which React may run twice, or throw away) must not hand the gate a
  // promise (it did: the later ranges then waited behind one nobody settled).
  if (plan.texts.length > 0) textsFirst(textsPlaced)
  for (const source of plan.texts) void client.prefetchQuery(textQuery(source))
  if (plan.audio) void client.prefetchQuery(recordingQuery(plan.audio))
}
