import { useEffect, useRef } from 'react'
import { reviewActions, useReviewStore } from '../../store/review-store'
import { useCorrectedView } from '../../store/corrected-timeline'
import { formatClock, setCursorTargets, tick } from './playback-cursor'
import { player, usePlayerStore } from './player'
import { ZOOM_STEPS } from './zoom-steps'
import { currentCorrectedView } from '../../store/corrected-timeline'

const RATES = [0.75, 1, 1.25, 1.5, 1.75, 2] as const

export function Transport() {
  const { ready, playing, duration } = usePlayerStore()
  const rate = useReviewStore((s) => s.rate)
  const zoom = useReviewStore((s) => s.zoom)
  const view = useCorrectedView()
  const clockRef = useRef<HTMLSpanElement>(null)

  useEffect(() => {
    setCursorTargets({ clock: clockRef.current })
    const off = player.onTick((t) => tick(currentCorrectedView(), t))
    return () => {
      off()
      setCursorTargets({ clock: null })
    }
  }, [])

  // Corrections move words under a still playhead: re-evaluate at once.
  useEffect(() => tick(view, player.time()), [view])

  return (
    <div className="transport" role="toolbar" aria-label="Playback">
      <button
        type="button"
        className="play"
        onClick={() => void player.toggle()}
        disabled={!ready}
        aria-label={playing ? 'Pause' : 'Play'}
      >
        {playing ? '❚❚' : '▶'}
      </button>
      <span className="clock">
        <span ref={clockRef} data-testid="clock" data-seconds="0.000">
          {formatClock(0)}
        </span>
        <span className="clock-total"> / {formatClock(duration)}</span>
      </span>
      <label className="field">
        Speed
        <select
          value={rate}
          onChange={(e) => {
            const next = Number(e.target.value)
            reviewActions.setRate(next)
            player.setRate(next)
          }}
        >
          {RATES.map((r) => (
            <option key={r} value={r}>
              {r}×
            </option>
          ))}
        </select>
      </label>
      <label className="field">
        Zoom
        <input
          type="range"
          min={0}
          max={ZOOM_STEPS.length - 1}
          value={Math.max(
            0,
            ZOOM_STEPS.findIndex((z) => z >= zoom),
          )}
          onChange={(e) => reviewActions.setZoom(ZOOM_STEPS[Number(e.target.value)] ?? 0)}
          aria-label="Zoom"
        />
      </label>
    </div>
  )
}
