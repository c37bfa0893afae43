import type { SpeechEdges } from '../../domain/audio/speech-edges'
import { snapTime } from '../../domain/audio/speech-edges'
import { formatClock } from '../player/playback-cursor'

/** What a drag moves: the whole message, or only its start or its end. */
export type DragMode = 'move' | 'start' | 'end'

export const DRAG_THRESHOLD_PX = 3
/** The grab zone at each end of a region (narrow regions keep a middle to move by). */
const EDGE_PX = 6
/** Snapping reaches this far, and never further than 10 px at the current zoom. */
const SNAP_MAX_S = 0.3
const SNAP_PX = 10

export interface DragSetup {
  region: HTMLElement
  layerRoot: HTMLElement
  pointer: PointerEvent
  /** What the drag moves; by default found from where on the region the pointer went down. */
  mode?: DragMode
  /** Pixels per second of the waveform at the current zoom. */
  pxPerSecond: number
  duration: number
  /** Speech starts and ends on this region's channel, when the audio is decoded. */
  snap: SpeechEdges | undefined
  onDone: (result: { mode: DragMode; delta: number } | 'click' | 'cancel') => void
}

export function dragModeAt(region: HTMLElement, clientX: number): DragMode {
  const rect = region.getBoundingClientRect()
  const edge = Math.min(EDGE_PX, rect.width / 4)
  if (clientX - rect.left <= edge) return 'start'
  if (rect.right - clientX <= edge) return 'end'
  return 'move'
}

/**
 * Follows one pointer drag on a region: previews the new place, shows how far it moved and the
 * new time, snaps the moving edge to speech (Alt drags freely). Returns a cancel function.
 */
export function startRegionDrag(setup: DragSetup): () => void {
  const { region, layerRoot, pointer, pxPerSecond, duration, snap, onDone } = setup
  const mode = setup.mode ?? dragModeAt(region, pointer.clientX)
  const start = Number(region.dataset.start)
  const end = Number(region.dataset.end)
  const original = { left: region.style.left, width: region.style.width }
  const label = document.createElement('div')
  label.className = 'tl-drag-label'
  label.setAttribute('role', 'status')
  let delta = 0
  let movedPx = 0
  const percent = (s: number) => `${(s / duration) * 100}%`

  const move = (e: PointerEvent) => {
    movedPx = e.clientX - pointer.clientX
    if (Math.abs(movedPx) < DRAG_THRESHOLD_PX) return
    const raw = movedPx / pxPerSecond
    const anchor = mode === 'end' ? end : start
    const candidates = mode === 'end' ? snap?.offsets : snap?.onsets
    const tolerance = Math.min(SNAP_MAX_S, SNAP_PX / pxPerSecond)
    const target =
      e.altKey || !candidates ? anchor + raw : snapTime(anchor + raw, candidates, tolerance)
    delta = target - anchor
    const snapped = Math.abs(target - (anchor + raw)) > 1e-9
    if (mode === 'move') region.style.transform = `translateX(${delta * pxPerSecond}px)`
    if (mode === 'start') {
      region.style.left = percent(start + delta)
      region.style.width = percent(Math.max(0, end - start - delta))
    }
    if (mode === 'end') region.style.width = percent(Math.max(0, end + delta - start))
    region.dataset.dragging = mode
    const what = mode === 'move' ? 'moved' : mode === 'start' ? 'start' : 'end'
    const sign = delta >= 0 ? '+' : '−'
    label.textContent = `${what} ${sign}${Math.abs(delta).toFixed(3)} s → ${formatClock(target)}${snapped ? ' · snapped to speech' : ''}`
    label.style.left = percent(target)
    label.style.top = region.style.top === '50%' ? '50%' : '0'
    if (!label.isConnected) layerRoot.appendChild(label)
  }
  const finish = (commit: boolean) => {
    window.removeEventListener('pointermove', move)
    window.removeEventListener('pointerup', up)
    window.removeEventListener('pointercancel', cancel)
    region.style.transform = ''
    region.style.left = original.left
    region.style.width = original.width
    delete region.dataset.dragging
    label.remove()
    const dragged = Math.abs(movedPx) >= DRAG_THRESHOLD_PX
    onDone(!commit ? 'cancel' : dragged ? { mode, delta } : 'click')
  }
  const up = () => finish(true)
  const cancel = () => finish(false)
  window.addEventListener('pointermove', move)
  window.addEventListener('pointerup', up)
  window.addEventListener('pointercancel', cancel)
  return cancel
}
