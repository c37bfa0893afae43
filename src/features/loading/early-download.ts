import { urlSources } from './url-sources'

/**
 * The linked recording's request, sent as the page's script starts (this module is imported
 * first), not once React has rendered and the query runs: its first bytes, and so the opening
 * seconds' decode, come that much sooner. The query's first attempt takes it over.
 */
export interface EarlyDownload {
  response: Promise<Response>
  abort: () => void
}

let early: (EarlyDownload & { url: string }) | undefined

function begin() {
  if (typeof window === 'undefined' || typeof fetch === 'undefined') return
  const { audio } = urlSources(window.location.search, import.meta.env.BASE_URL)
  if (!audio) return
  const controller = new AbortController()
  const response = fetch(audio, { signal: controller.signal })
  // A failure is reported by the query that takes it over.
  response.catch(() => {})
  early = { url: audio, response, abort: () => controller.abort() }
}

/** The request begun for `url`, once: a retry sends its own. */
export function takeEarlyDownload(url: string): EarlyDownload | undefined {
  const taken = early?.url === url ? early : undefined
  early = undefined
  return taken
}

begin()
