import { useQueries, useQuery } from '@tanstack/react-query'
import { useEffect, useMemo, useRef, useState } from 'react'
import { fetchBytes, fetchText } from './fetch-source'
import { hasUserOpenedFiles, openInputs } from './open-inputs'
import { fileNameOf, urlSources } from './url-sources'

export interface SourceStatus {
  label: string
  url: string
  status: 'pending' | 'error' | 'success'
  error?: string
  progress?: number
  retry: () => void
}

/** Loads the call named by the URL (or the demo call) with TanStack Query: progress, errors, retry. */
export function useUrlCall(): { sources: SourceStatus[]; isDemo: boolean } {
  const plan = useMemo(() => urlSources(window.location.search, import.meta.env.BASE_URL), [])
  const [progress, setProgress] = useState<number>()
  const texts = useQueries({
    queries: plan.texts.map((source) => ({
      queryKey: ['source-text', source.url],
      queryFn: () => fetchText(source.url),
    })),
  })
  const audio = useQuery({
    queryKey: ['source-audio', plan.audio],
    queryFn: () =>
      fetchBytes(plan.audio ?? '', (loaded, total) =>
        setProgress(total ? loaded / total : undefined),
      ),
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
    void openInputs(inputs)
  }, [textsDone, plan, texts])

  const audioOpened = useRef(false)
  useEffect(() => {
    if (!plan.audio || !audio.data || audioOpened.current || hasUserOpenedFiles()) return
    audioOpened.current = true
    void openInputs([], { name: fileNameOf(plan.audio), ...audio.data })
  }, [plan, audio.data])

  const sources: SourceStatus[] = plan.texts.map((source, i) => {
    const q = texts[i]
    return {
      label: source.role,
      url: source.url,
      status: q?.status ?? 'pending',
      ...(q?.error ? { error: q.error.message } : {}),
      retry: () => void q?.refetch(),
    }
  })
  if (plan.audio) {
    sources.unshift({
      label: 'audio',
      url: plan.audio,
      status: audio.status,
      ...(audio.error ? { error: audio.error.message } : {}),
      ...(progress !== undefined ? { progress } : {}),
      retry: () => void audio.refetch(),
    })
  }
  return { sources, isDemo: plan.isDemo }
}
