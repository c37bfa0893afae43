/** `scheduler.yield` (Chromium 129+, Firefox 142+), which TypeScript's DOM types do not have yet. */
const browserScheduler = (globalThis as { scheduler?: { yield?: () => Promise<void> } }).scheduler

/**
 * Resolves in a new task at the back of the queue, so that the work after it is not counted in
 * (and does not lengthen) the current one: the browser can paint and handle input in between,
 * and whatever was queued meanwhile goes first. For work that can wait.
 */
export function nextTask(): Promise<void> {
  return new Promise((resolve) => {
    const channel = new MessageChannel()
    channel.port1.onmessage = () => {
      channel.port1.close()
      resolve()
    }
    channel.port2.postMessage(null)
  })
}

/**
 * As `nextTask`, for the next step of work the reviewer waits for (opening a call): where the
 * browser can, it goes on ahead of the tasks queued meanwhile (a download's reads, React's
 * render slices), after the browser has painted and handled input.
 */
export function nextStep(): Promise<void> {
  return browserScheduler?.yield ? browserScheduler.yield() : nextTask()
}
