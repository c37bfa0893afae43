import type { Range } from '@tanstack/react-virtual'
import { defaultRangeExtractor, useVirtualizer } from '@tanstack/react-virtual'
import {
  useCallback,
  useDeferredValue,
  useEffect,
  useLayoutEffect,
  useMemo,
  useRef,
  useState,
} from 'react'
import { useCallStore } from '../../store/call-store'
import { useCorrectedView } from '../../store/corrected-timeline'
import { reviewActions, useReviewStore } from '../../store/review-store'
import { applyWordHighlight, setCursorTargets, useActiveItem } from '../player/playback-cursor'
import { FindBar } from '../review/FindBar'
import { useShownItems } from '../review/shown-items'
import { TranscriptRow } from './TranscriptRow'
import { listKeyHandler } from './list-keys'
import { observeListRect, scrollListTo } from './first-layout'

export function Transcript() {
  // A new placement re-renders every shown row: in a render of its own, which React can slice,
  // not in the task that brought the placement (the waveform moves there).
  const view = useDeferredValue(useCorrectedView())
  const { items, fullIndex, shownIndex, matches } = useShownItems(view?.timeline.items)
  const selectedId = useReviewStore((s) => s.selectedId)
  const nudges = useReviewStore((s) => s.corrections.nudges)
  const autoscroll = useReviewStore((s) => s.autoscroll)
  const activeIndex = useActiveItem((s) => s.index)
  const warnings = useCallStore((s) => s.warnings)
  const warningsById = useMemo(() => {
    const byId = new Map<string, string[]>()
    for (const w of warnings)
      if (w.itemId) byId.set(w.itemId, [...(byId.get(w.itemId) ?? []), w.message])
    return byId
  }, [warnings])
  const talkOver = view?.talkOver
  const bargeIns = useMemo(
    () =>
      new Map((talkOver ?? []).filter((o) => o.bargeIn).map((o) => [o.userId, o.end - o.start])),
    [talkOver],
  )
  const scrollRef = useRef<HTMLDivElement>(null)
  const selectedIndex = useMemo(
    () => (selectedId === undefined ? -1 : items.findIndex((i) => i.id === selectedId)),
    [items, selectedId],
  )
  const [focusIndex, setFocusIndex] = useState(0)
  const rovingIndex = Math.min(selectedIndex >= 0 ? selectedIndex : focusIndex, items.length - 1)
  // The row Tab reaches stays rendered wherever the list is scrolled, so the virtualiser never
  // hides it from keyboard users.
  const rangeExtractor = useCallback(
    (range: Range) => {
      const indexes = defaultRangeExtractor(range)
      if (rovingIndex >= 0 && !indexes.includes(rovingIndex))
        return [...indexes, rovingIndex].sort((a, b) => a - b)
      return indexes
    },
    [rovingIndex],
  )
  // eslint-disable-next-line react-hooks/incompatible-library -- the list re-renders with the virtualizer on purpose
  const virtualizer = useVirtualizer({
    count: items.length,
    getScrollElement: () => scrollRef.current,
    observeElementRect: observeListRect,
    scrollToFn: scrollListTo,
    estimateSize: () => 76,
    overscan: 8,
    getItemKey: (index) => items[index]?.id ?? index,
    rangeExtractor,
  })
  const onKeyDown = listKeyHandler(items, rovingIndex, (index) => {
    setFocusIndex(index)
    virtualizer.scrollToIndex(index, { align: 'auto' })
  })

  useEffect(() => {
    setCursorTargets({ transcript: scrollRef.current })
    return () => setCursorTargets({ transcript: null })
  }, [])

  useLayoutEffect(applyWordHighlight)

  // Keyboard focus follows the selection when it is already in the list (J/K, arrows).
  useLayoutEffect(() => {
    const list = scrollRef.current
    if (!list?.contains(document.activeElement) || rovingIndex < 0) return
    list.querySelector<HTMLElement>(`[data-row="${rovingIndex}"]`)?.focus({ preventScroll: true })
  }, [rovingIndex])

  useEffect(() => {
    const shown = shownIndex(activeIndex)
    if (autoscroll && shown >= 0) virtualizer.scrollToIndex(shown, { align: 'center' })
  }, [activeIndex, autoscroll, virtualizer, shownIndex])

  // A search or a finding selects a row that may be far outside the page: bring it in.
  const selectedRow = selectedId === undefined ? -1 : items.findIndex((i) => i.id === selectedId)
  useEffect(() => {
    if (selectedRow >= 0) virtualizer.scrollToIndex(selectedRow, { align: 'auto' })
  }, [selectedRow, virtualizer])

  return (
    <section className="transcript" aria-label="Transcript">
      <header className="panel-header">
        <h2>Transcript</h2>
        <label className="toggle">
          <input type="checkbox" checked={autoscroll} onChange={reviewActions.toggleAutoscroll} />
          Follow playback <kbd>A</kbd>
        </label>
      </header>
      <FindBar />
      <div ref={scrollRef} className="transcript-scroll" data-testid="transcript">
        <ol
          style={{ height: virtualizer.getTotalSize() }}
          className="transcript-list"
          role="listbox"
          aria-label="Messages: arrows move, Enter plays"
          onKeyDown={onKeyDown}
        >
          {virtualizer.getVirtualItems().map((row) => {
            const item = items[row.index]
            if (!item) return null
            return (
              <TranscriptRow
                key={row.key}
                ref={virtualizer.measureElement}
                index={row.index}
                rowIndex={fullIndex(row.index)}
                match={matches?.has(item.id)}
                setSize={items.length}
                tabbable={row.index === rovingIndex}
                top={row.start}
                item={item}
                selected={item.id === selectedId}
                nudge={nudges.get(item.id) ?? 0}
                warnings={warningsById.get(item.id)}
                bargeIn={bargeIns.get(item.id)}
              />
            )
          })}
        </ol>
      </div>
    </section>
  )
}
