import { useQueries, useQuery } from '@tanstack/react-query'
import { useEffect, useMemo, useRef, useState } from 'react'
import { AUDIO_LIMITS, fetchBlob, fetchText, limitsFrom, TEXT_LIMITS } from './fetch-source'
import { hasUserOpenedFiles, openInputs } from './open-inputs'
import { ReceivedBytes } from './received-bytes'
import { fileNameOf, urlSources } from './url-sources'

export interface SourceStatus {
  label: string
  url: string
  status: 'pending' | 'error' | 'success'
  error?: string
  /** Share of the announced size, when the server announced a plausible one. */
  progress?: number
  /** Bytes received so far. */
  received?: number
  retry: () => void
  cancel: () => void
}

interface Received {
  loaded: number
  total: number | undefined
}

const PROGRESS_STEP = 256 * 1024

/** One AbortController per source URL, so that Cancel stops that download and no other. */
function useCancellers() {
  const controllers = useRef(new Map<string, AbortController>())
  const start = (url: string, signal: AbortSignal): AbortSignal => {
    const controller = new AbortController()
    signal.addEventListener('abort', () => controller.abort())
    controllers.current.set(url, controller)
    return controller.signal
  }
  const cancel = (url: string) => controllers.current.get(url)?.abort()
  return { start, cancel }
}

/** What the page's URL asks to open: the call it names, or the demo call. */
export function urlCallPlan() {
  return urlSources(window.location.search, import.meta.env.BASE_URL)
}

/** Loads the call named by the URL (or the demo call) with TanStack Query: progress, errors, retry. */
export function useUrlCall(): { sources: SourceStatus[] } {
  const plan = useMemo(() => urlCallPlan(), [])
  const [received, setReceived] = useState<Record<string, Received>>({})
  const cancellers = useCancellers()
  const shown = useRef(new Map<string, number>())
  // A re-render per 256 KB at most: a long recording arrives in thousands of chunks.
  const track = (url: string) => (loaded: number, total: number | undefined) => {
    if (loaded - (shown.current.get(url) ?? -Infinity) < PROGRESS_STEP && loaded !== total) return
    shown.current.set(url, loaded)
    setReceived((r) => ({ ...r, [url]: { loaded, total } }))
  }
  const search = window.location.search
  const texts = useQueries({
    queries: plan.texts.map((source) => ({
      queryKey: ['source-text', source.url],
      queryFn: ({ signal }: { signal: AbortSignal }) =>
        fetchText(source.url, {
          limits: limitsFrom(search, TEXT_LIMITS),
          signal: cancellers.start(source.url, signal),
          onProgress: track(source.url),
        }),
    })),
  })
  // Each attempt's bytes as they arrive: the recording opens from its first ones.
  const [download, setDownload] = useState<ReceivedBytes>()
  const audio = useQuery({
    queryKey: ['source-audio', plan.audio],
    queryFn: ({ signal }) => {
      const into = new ReceivedBytes(plan.audio ?? '')
      setDownload(into)
      return fetchBlob(plan.audio ?? '', {
        limits: limitsFrom(search, AUDIO_LIMITS),
        signal: cancellers.start(plan.audio ?? '', signal),
        onProgress: track(plan.audio ?? ''),
        into,
      })
    },
    enabled: plan.audio !== undefined,
    structuralSharing: false,
  })

  // Texts open as soon as they are in: a long recording can take a while to fetch and decode.
  const textsDone = texts.every((q) => q.isSuccess)
  const textsOpened = useRef(false)
  useEffect(() => {
    if (!textsDone || textsOpened.current || plan.texts.length === 0 || hasUserOpenedFiles()) return
    textsOpened.current = true
    const inputs = plan.texts.map((source, i) => ({
      name: fileNameOf(source.url),
      text: texts[i]?.data ?? '',
      expected: source.role,
    }))
    void openInputs(inputs, undefined, () => !hasUserOpenedFiles())
  }, [textsDone, plan, texts])

  // Opened as it downloads (a retry is a new download); a reviewer's own files win over it.
  const audioOpened = useRef<ReceivedBytes>(undefined)
  useEffect(() => {
    if (!plan.audio || !download || audioOpened.current === download || hasUserOpenedFiles()) return
    audioOpened.current = download
    const name = fileNameOf(plan.audio)
    const reopen = (data: Blob) => {
      if (!hasUserOpenedFiles()) void openInputs([], { name, data })
    }
    void openInputs([], { name, stream: download, reopen })
  }, [plan, download])

  const progressOf = (url: string) => {
    const r = received[url]
    if (!r) return {}
    return { received: r.loaded, ...(r.total ? { progress: r.loaded / r.total } : {}) }
  }
  const sources: SourceStatus[] = plan.texts.map((source, i) => {
    const q = texts[i]
    return {
      label: source.role,
      url: source.url,
      status: q?.status ?? 'pending',
      ...(q?.error ? { error: q.error.message } : {}),
      ...progressOf(source.url),
      retry: () => void q?.refetch(),
      cancel: () => cancellers.cancel(source.url),
    }
  })
  if (plan.audio) {
    const url = plan.audio
    sources.unshift({
      label: 'audio',
      url,
      status: audio.status,
      ...(audio.error ? { error: audio.error.message } : {}),
      ...progressOf(url),
      retry: () => void audio.refetch(),
      cancel: () => cancellers.cancel(url),
    })
  }
  return { sources }
}
