/**
 * The call's texts come before the recording's later ranges. On two cores, two decode workers
 * left the transcript's parse and placement a share of the CPU: its first row came 0.6 s after
 * the waveform's first draw. A decode's opening ranges never wait; the rest waits for the texts
 * to be placed (or to fail), at most `MAX_WAIT_MS`.
 */
const MAX_WAIT_MS = 2000

let pending: Promise<void> | undefined

/** The call's texts are on their way: the decodes' later ranges wait until `placed` settles. */
export function textsFirst(placed: Promise<unknown>) {
  const mine = placed.then(
    () => {},
    () => {},
  )
  pending = mine
  void mine.then(() => {
    if (pending === mine) pending = undefined
  })
}

/** Resolves when a decode's later ranges may start. */
export function laterRangesMayStart(maxWaitMs = MAX_WAIT_MS): Promise<void> {
  if (!pending) return Promise.resolve()
  let timer: ReturnType<typeof setTimeout> | undefined
  const capped = new Promise<void>((resolve) => (timer = setTimeout(resolve, maxWaitMs)))
  return Promise.race([pending, capped]).finally(() => clearTimeout(timer))
}
