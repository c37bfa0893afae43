/**
 * Downloads the page's first script starts (see `main.tsx`), by absolute link, until the app
 * takes them: the call's files are asked for while the app's code loads, not after (on a cold
 * open that was some 300 ms later).
 */
const started = new Map<string, { response: Promise<Response>; controller: AbortController }>()

export function fetchEarly(url: string) {
  try {
    const href = new URL(url, document.baseURI).href
    if (started.has(href)) return
    const controller = new AbortController()
    const response = fetch(href, { signal: controller.signal })
    // Its failure is reported by whoever takes it.
    response.catch(() => {})
    started.set(href, { response, controller })
  } catch {
    // Not a link: the app fetches it itself, and says what is wrong with it.
  }
}

/** The early download of `url`, taken once; it stops when `signal` aborts. */
export function takeEarlyFetch(url: string, signal: AbortSignal): Promise<Response> | undefined {
  let href: string
  try {
    href = new URL(url, document.baseURI).href
  } catch {
    return undefined
  }
  const early = started.get(href)
  if (!early) return undefined
  started.delete(href)
  if (signal.aborted) early.controller.abort()
  else signal.addEventListener('abort', () => early.controller.abort(), { once: true })
  return early.response
}
