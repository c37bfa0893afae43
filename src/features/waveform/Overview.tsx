import { useEffect, useMemo, useRef } from 'react'
import { useCallStore } from '../../store/call-store'
import { useCorrectedView } from '../../store/corrected-timeline'
import { placedOf, usePeaksProgress } from '../audio/peaks-progress'
import { player } from '../player/player'
import { onDetailWindow } from './detail-window'
import type { OverviewSpan } from './overview-canvas'
import { OverviewCanvas } from './overview-canvas'

/**
 * A thin overview of the whole call above the zoomed waveform (as peaks.js has): every message,
 * the part the detail view shows, the playhead. Clicking seeks there; dragging moves the detail
 * view without seeking.
 */
export function Overview() {
  const audio = useCallStore((s) => s.inputs.audio)
  const view = useCorrectedView()
  const version = usePeaksProgress((s) => s.version)
  const canvasRef = useRef<HTMLCanvasElement>(null)
  const overviewRef = useRef<OverviewCanvas | null>(null)
  const shownRef = useRef({ start: 0, end: 0 })
  const spans = useMemo<OverviewSpan[]>(
    () =>
      (view?.timeline.items ?? []).flatMap((item) =>
        item.type === 'message' && item.end !== null
          ? [{ start: item.start, end: item.end, user: item.role === 'user' }]
          : [],
      ),
    [view],
  )

  useEffect(() => {
    const canvas = canvasRef.current
    if (!canvas) return
    const overview = new OverviewCanvas(canvas)
    overviewRef.current = overview
    const resize = new ResizeObserver(() => overview.resize(canvas.clientWidth))
    resize.observe(canvas)
    overview.resize(canvas.clientWidth)
    const offWindow = onDetailWindow((w) => {
      shownRef.current = w
      overview.setView(w)
    })
    const offTick = player.onTick((t) => overview.setPlayhead(t))
    return () => {
      resize.disconnect()
      offWindow()
      offTick()
      overview.destroy()
      overviewRef.current = null
    }
  }, [])

  useEffect(() => {
    if (!audio?.peaks || !audio.duration) return
    overviewRef.current?.setPeaks(audio.peaks, audio.duration, placedOf(audio.peaks))
  }, [audio, version])

  useEffect(() => overviewRef.current?.setSpans(spans), [spans])

  const onPointerDown = (event: React.PointerEvent<HTMLCanvasElement>) => {
    const overview = overviewRef.current
    const canvas = event.currentTarget
    if (!overview) return
    const left = canvas.getBoundingClientRect().left
    const center = (clientX: number) => {
      const time = overview.timeAt(clientX - left)
      const { start, end } = shownRef.current
      // scrollToTime leaves 2 s before the time it is given.
      player.scrollToTime(time - (end - start) / 2 + 2)
      return time
    }
    const startX = event.clientX
    let dragged = false
    canvas.setPointerCapture(event.pointerId)
    const move = (e: PointerEvent) => {
      dragged ||= Math.abs(e.clientX - startX) > 3
      if (dragged) center(e.clientX)
    }
    const up = (e: PointerEvent) => {
      canvas.removeEventListener('pointermove', move)
      canvas.removeEventListener('pointerup', up)
      if (!dragged) player.seek(center(e.clientX))
    }
    canvas.addEventListener('pointermove', move)
    canvas.addEventListener('pointerup', up)
  }

  return (
    <canvas
      hidden={!audio}
      ref={canvasRef}
      className="waveform-overview"
      data-testid="overview"
      height={OverviewCanvas.height}
      aria-label="Overview of the whole call: click to jump, drag to move the detail view"
      role="img"
      onPointerDown={onPointerDown}
    />
  )
}
