import type { InputRole } from '../../domain/parse/parse-input'

/** A text file of the call the page's URL names, and what it must be. */
export interface UrlText {
  role: InputRole
  url: string
}

export interface UrlSources {
  audio?: string
  texts: UrlText[]
  isDemo: boolean
}

const DEMO = {
  audio: 'demo/audio.ogg',
  history: 'demo/session-report.json',
  timings: 'demo/timed-strings.json',
}

/** What the page's URL asks to open: the call it names, or the demo call. */
export function urlCallPlan(): UrlSources {
  return urlSources(window.location.search, import.meta.env.BASE_URL)
}

/** `/?audio=URL&history=URL[&timings=URL][&egress=URL][&alignment=URL]`; no parameters: the demo call. */
export function urlSources(search: string, base: string): UrlSources {
  const params = new URLSearchParams(search)
  const texts: UrlSources['texts'] = []
  for (const role of ['history', 'timings', 'egress', 'alignment'] as const) {
    const url = params.get(role)
    if (url) texts.push({ role, url })
  }
  const audio = params.get('audio') ?? undefined
  if (audio || texts.length > 0) return { ...(audio ? { audio } : {}), texts, isDemo: false }
  return {
    audio: base + DEMO.audio,
    texts: [
      { role: 'history', url: base + DEMO.history },
      { role: 'timings', url: base + DEMO.timings },
    ],
    isDemo: true,
  }
}

export function fileNameOf(url: string): string {
  try {
    const path = new URL(url, 'http://x/').pathname
    return decodeURIComponent(path.split('/').pop() || url)
  } catch {
    return url
  }
}
