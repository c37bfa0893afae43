import { create } from 'zustand'
import { findActiveIndex } from '../../domain/find-active'
import { findActiveWord } from '../../domain/word-index'
import type { CorrectedView } from '../../store/corrected-timeline'
import { activeLayer } from '../waveform/layer-registry'

/** Changes once per message, not per frame: the only playback state React renders. */
export const useActiveItem = create<{ index: number }>(() => ({ index: -1 }))

interface CursorTargets {
  transcript: HTMLElement | null
  clock: HTMLElement | null
}

const targets: CursorTargets = { transcript: null, clock: null }
/** The highlighted word, with its times (the only word whose times are in the DOM). */
let activeWord: ActiveWord | undefined
interface ActiveWord {
  item: number
  word: number
  start: number
  end: number
}
let activeItem = -1
/** Tracked by id too: a correction can reorder items under the same index. */
let activeItemId: string | undefined

export function setCursorTargets(next: Partial<CursorTargets>) {
  Object.assign(targets, next)
}

/** `mm:ss.mmm`; items placed before the first sample show a minus sign. */
export function formatClock(seconds: number): string {
  const s = Math.abs(seconds)
  const m = Math.floor(s / 60)
  const sign = seconds < -0.0005 ? '−' : ''
  return `${sign}${String(m).padStart(2, '0')}:${(s - m * 60).toFixed(3).padStart(6, '0')}`
}

/**
 * Runs on every frame while playing and after each seek: two binary searches, then DOM attribute
 * flips only when the word or the message changes (performance.md §5: React stays out of the frame).
 */
export function tick(view: CorrectedView | undefined, time: number) {
  if (targets.clock) {
    targets.clock.textContent = formatClock(time)
    targets.clock.dataset.seconds = time.toFixed(3)
  }
  if (!view) return
  const { index } = view
  const spoken = findActiveIndex(index.itemStarts, index.itemEnds, time)
  const item = spoken === -1 ? -1 : (index.itemIndex[spoken] ?? -1)
  const found = findActiveWord(index.words, time)
  const placed = found && view.timeline.items[found.item]?.words[found.word]
  const word = found && placed && { ...found, start: placed.start, end: placed.end }
  const itemId = view.timeline.items[item]?.id
  if (item !== activeItem || itemId !== activeItemId) {
    activeItem = item
    activeItemId = itemId
    activeLayer()?.markActive(itemId)
    useActiveItem.setState({ index: item })
  }
  if (!sameWord(word, activeWord)) {
    activeWord = word
    applyWordHighlight()
  }
}

/** Re-applies the highlight, e.g. after the virtual list mounted new rows. */
export function applyWordHighlight() {
  const root = targets.transcript
  if (!root) return
  for (const element of root.querySelectorAll('[data-word-active]')) {
    element.removeAttribute('data-word-active')
    element.removeAttribute('data-start')
    element.removeAttribute('data-end')
  }
  for (const element of root.querySelectorAll('[data-row-active]'))
    element.removeAttribute('data-row-active')
  if (activeItem !== -1)
    root.querySelector(`[data-row="${activeItem}"]`)?.setAttribute('data-row-active', '')
  if (!activeWord) return
  const span = root.querySelector<HTMLElement>(
    `[data-row="${activeWord.item}"] [data-w="${activeWord.word}"]`,
  )
  if (!span) return
  span.setAttribute('data-word-active', '')
  span.dataset.start = String(activeWord.start)
  span.dataset.end = String(activeWord.end)
}

function sameWord(a: ActiveWord | undefined, b: ActiveWord | undefined): boolean {
  return a?.item === b?.item && a?.word === b?.word && a?.start === b?.start && a?.end === b?.end
}

/** The id of the message under the playhead, for a newly created message layer. */
export function currentActiveItemId(): string | undefined {
  return activeItemId
}

export function resetCursor() {
  activeItem = -1
  activeItemId = undefined
  activeWord = undefined
  activeLayer()?.markActive(undefined)
  applyWordHighlight()
  useActiveItem.setState({ index: -1 })
}
