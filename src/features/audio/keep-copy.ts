import { errorText } from '../../domain/error-text'
import { create } from 'zustand'
import type { LoadedAudio } from '../../store/call-store'
import { useCallStore } from '../../store/call-store'
import { AUDIO_LIMITS, FetchCancelled, fetchBlob, limitsFrom } from '../loading/fetch-source'

/** The copy being kept of a recording that plays from its link (see `keepCopy`). */
export interface KeptCopy {
  /** The link being read; undefined when none is. */
  link?: string
  loaded?: number
  total?: number
  error?: string
}

export const useKeptCopy = create<KeptCopy>(() => ({}))

let reading: AbortController | undefined

/** Stops keeping a copy: the recording plays on from its link, with nothing said. */
export function cancelKeepCopy() {
  reading?.abort()
}

/**
 * Downloads a recording that plays from its link into the page and plays it from there, where it
 * was: seeking then needs the link no more, so it may expire. The open recording stays as it is
 * if the download fails, or if another one was opened meanwhile.
 */
export async function keepCopy(audio: LoadedAudio) {
  const link = audio.url
  const kept = useKeptCopy.getState()
  // Already under way; one that failed is tried again.
  if (kept.link === link && kept.error === undefined) return
  useKeptCopy.setState({ link, loaded: 0, total: undefined, error: undefined })
  const mine = new AbortController()
  reading = mine
  try {
    const { data } = await fetchBlob(link, {
      limits: limitsFrom(window.location.search, AUDIO_LIMITS),
      signal: mine.signal,
      onProgress: (loaded, total) => useKeptCopy.setState({ loaded, total }),
    })
    const { inputs } = useCallStore.getState()
    if (inputs.audio?.url !== link) return
    const url = URL.createObjectURL(data)
    useCallStore.setState({ inputs: { ...inputs, audio: { ...inputs.audio, url } } })
    useKeptCopy.setState({ link: undefined })
  } catch (error) {
    if (error instanceof FetchCancelled) useKeptCopy.setState({ link: undefined })
    else useKeptCopy.setState({ error: errorText(error) })
  } finally {
    if (reading === mine) reading = undefined
  }
}
