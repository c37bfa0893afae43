import type { Rect, VirtualizerOptions } from '@tanstack/react-virtual'
import { elementScroll } from '@tanstack/react-virtual'

/*
 * The virtualiser's defaults read the list's size and write its scroll offset as the list mounts
 * with the call, and either forces the first layout of the whole page (50–80 ms of a cold open's
 * slowest task) inside the commit that brought the call in. With these two the rows come in the
 * frame after, and measure a page already laid out.
 */
type ListOptions = VirtualizerOptions<HTMLDivElement, Element>

/** The list's size as its `ResizeObserver` reports it, after the browser's own layout. */
export const observeListRect: ListOptions['observeElementRect'] = (instance, onRect) => {
  const element = instance.scrollElement
  if (!element) return
  const observer = new ResizeObserver(() =>
    onRect({ width: element.clientWidth, height: element.clientHeight } satisfies Rect),
  )
  observer.observe(element)
  return () => observer.disconnect()
}

const written = new WeakSet<Element>()

/** Scrolls the list, but skips the first write of a new list when it is to the top it starts at. */
export const scrollListTo: ListOptions['scrollToFn'] = (offset, options, instance) => {
  const element = instance.scrollElement
  if (!element) return
  const first = !written.has(element)
  written.add(element)
  if (first && offset + (options.adjustments ?? 0) === 0) return
  elementScroll(offset, options, instance)
}
