/**
 * Resolves in a new task, so that the work after it is not counted in (and does not lengthen) the
 * current one: the browser can paint and handle input in between.
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
