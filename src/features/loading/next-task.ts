/** Chromium's `scheduler.yield` (129+), which TypeScript's DOM types do not have yet. */
const scheduler = (globalThis as { scheduler?: { yield?: () => Promise<void> } }).scheduler

/**
 * Resolves in a new task, so that the work after it is not counted in (and does not lengthen) the
 * current one: the browser can paint and handle input in between. Where the browser can, the work
 * goes on ahead of the tasks queued meanwhile (a download's reads, React's render slices), which
 * would otherwise come first: an open's few steps waited 30–130 ms behind them.
 */
export function nextTask(): Promise<void> {
  if (scheduler?.yield) return scheduler.yield()
  return new Promise((resolve) => {
    const channel = new MessageChannel()
    channel.port1.onmessage = () => {
      channel.port1.close()
      resolve()
    }
    channel.port2.postMessage(null)
  })
}
