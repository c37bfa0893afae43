import { useQueries, useQuery } from '@tanstack/react-query'
import { useEffect, useMemo, useRef } from 'react'
import { hasUserOpenedFiles, openInputs } from './open-inputs'
import {
  cancelDownload,
  recordingQuery,
  textQuery,
  urlTextsSettled,
  useReceived,
} from './url-downloads'
import { fileNameOf, urlCallPlan } from './url-sources'

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

/** Loads the call named by the URL (or the demo call) with TanStack Query: progress, errors, retry. */
export function useUrlCall(): { sources: SourceStatus[] } {
  const plan = useMemo(() => urlCallPlan(), [])
  const received = useReceived()
  const texts = useQueries({ queries: plan.texts.map(textQuery) })
  const audio = useQuery({
    ...recordingQuery(plan.audio ?? ''),
    enabled: plan.audio !== undefined,
  })

  // Texts open as soon as they are in: a long recording can take a while to fetch and decode.
  // Until they are placed, or one fails, the recording's later ranges wait (see `decode-gate`).
  const textsDone = texts.every((q) => q.isSuccess)
  const textsFailed = texts.some((q) => q.isError)
  const textsOpened = useRef(false)
  useEffect(() => {
    if (textsFailed) urlTextsSettled()
  }, [textsFailed])
  useEffect(() => {
    if (!textsDone || textsOpened.current || plan.texts.length === 0) return
    if (hasUserOpenedFiles()) return urlTextsSettled()
    textsOpened.current = true
    const inputs = plan.texts.flatMap((source, i) => {
      const parsed = texts[i]?.data?.take()
      return parsed ? [{ name: fileNameOf(source.url), parsed, expected: source.role }] : []
    })
    // `texts:placed` for the benchmarks: the transcript renders in the task after.
    void openInputs(inputs, undefined, () => !hasUserOpenedFiles()).finally(() => {
      performance.mark('texts:placed')
      urlTextsSettled()
    })
  }, [textsDone, plan, texts])

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
      cancel: () => cancelDownload(source.url),
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
      cancel: () => cancelDownload(url),
    })
  }
  return { sources }
}
