/**
 * The recording's opening comes first, then the call's texts, then the recording's later ranges.
 * On two cores, two decode workers left the transcript's parse and placement a share of the CPU:
 * its first row came 0.6 s after the waveform's first draw. A decode's opening ranges never
 * wait; the rest waits for the texts to be placed (or to fail), at most `MAX_WAIT_MS`.
 */
const MAX_WAIT_MS = 2000

let pending: Promise<void> | undefined
/** The later ranges waiting: woken when the newest texts are placed, whichever they waited behind. */
const waiting = new Set<() => void>()

/**
 * The call's texts are on their way: the decodes' later ranges wait until `placed` settles. A
 * newer call replaces an older one that may never settle (a page that mounted its loader twice).
 */
export function textsFirst(placed: Promise<unknown>) {
  const mine = placed.then(
    () => {},
    () => {},
  )
  pending = mine
  void mine.then(() => {
    if (pending !== mine) return
    pending = undefined
    for (const wake of [...waiting]) wake()
  })
}

/** Resolves when a decode's later ranges may start. */
export function laterRangesMayStart(maxWaitMs = MAX_WAIT_MS): Promise<void> {
  if (!pending) return Promise.resolve()
  return new Promise<void>((resolve) => {
    const wake = () => {
      clearTimeout(timer)
      waiting.delete(wake)
      resolve()
    }
    const timer = setTimeout(wake, maxWaitMs)
    waiting.add(wake)
  })
}

let settled: () => void = () => {}
const openingIn = new Promise<void>((resolve) => (settled = resolve))

/**
 * The recording's first waveform is drawn (its opening's, or the cache's), or its open ended
 * without one (it failed, or another open replaced it): the texts' parse may start (see
 * `textsAfterOpening`). Called again, it does nothing.
 */
export function openingSettled() {
  settled()
}

/**
 * Resolves when the call's texts may be parsed: once the recording's first waveform is drawn, at
 * most `maxWaitMs` from now. Parsed alongside the opening's decode, an hour's texts took the
 * cores it needed: the first waveform came 0.4 s later (docs/performance.md, stop 34).
 */
export function textsAfterOpening(maxWaitMs = MAX_WAIT_MS): Promise<void> {
  return Promise.race([openingIn, new Promise<void>((resolve) => setTimeout(resolve, maxWaitMs))])
}
