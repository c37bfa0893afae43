import { useQueries, useQuery } from '@tanstack/react-query'
import { useEffect, useMemo, useRef, useState } from 'react'
import { fetchBytes, fetchText } from './fetch-source'
import { openInputs } from './open-inputs'
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

  const allDone = texts.every((q) => q.isSuccess) && (plan.audio === undefined || audio.isSuccess)
  const opened = useRef(false)
  useEffect(() => {
    if (!allDone || opened.current) return
    opened.current = true
    const inputs = plan.texts.map((source, i) => ({
      name: fileNameOf(source.url),
      text: texts[i]?.data ?? '',
      expected: source.role,
    }))
    const bytes = audio.data
    void openInputs(
      inputs,
      plan.audio && bytes ? { name: fileNameOf(plan.audio), ...bytes } : undefined,
    )
  }, [allDone, plan, texts, audio.data])

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
