import { useState } from 'react'
import type { OffsetSuggestion } from '../../domain/audio/suggest-offset'
import { suggestOffset } from '../../domain/audio/suggest-offset'
import { useCallStore } from '../../store/call-store'
import { currentCorrectedView, useCorrectedView } from '../../store/corrected-timeline'
import { reviewActions } from '../../store/review-store'
import { laneLayout } from '../waveform/lanes'

function suggestFromAudio(): OffsetSuggestion | undefined {
  const view = currentCorrectedView()
  const { audio, egress } = useCallStore.getState().inputs
  if (!view || !audio?.peaks || audio.peaks.length < 2) return undefined
  const { band, separated } = laneLayout(view.timeline.anchor, egress, audio.peaks.length)
  if (!separated) return undefined
  const user = audio.peaks[band.user]
  const agent = audio.peaks[band.agent]
  return user && agent ? suggestOffset(view.timeline.items, { user, agent }) : undefined
}

const percent = (x: number) => `${Math.round(x * 100)} %`

/** Finds the global shift that lines the messages up with speech on their channels. */
export function SuggestOffset() {
  const view = useCorrectedView()
  const separated = useCallStore(
    (s) =>
      laneLayout(view?.timeline.anchor, s.inputs.egress, s.inputs.audio?.peaks?.length ?? 0)
        .separated,
  )
  // A suggestion is about the placement it was computed for: any correction or new call hides it.
  const [computed, setComputed] = useState<{ for: unknown; result: OffsetSuggestion | null }>()
  const suggestion = computed && computed.for === view ? computed.result : undefined
  // On a mixed or mono recording both lanes would match any speech.
  if (!separated) return null
  const offset = suggestion?.offset ?? 0
  return (
    <div className="suggest" aria-live="polite">
      <button
        type="button"
        onClick={() => setComputed({ for: view, result: suggestFromAudio() ?? null })}
      >
        Suggest offset from the audio
      </button>
      {suggestion === null && <span>No speech found to match against.</span>}
      {suggestion && Math.abs(offset) < 0.01 && (
        <span>
          The audio agrees with the current placement (match {percent(suggestion.match)}).
        </span>
      )}
      {suggestion && Math.abs(offset) >= 0.01 && (
        <>
          <span data-testid="suggestion" data-offset={offset}>
            Shift everything by {offset > 0 ? '+' : '−'}
            {Math.abs(offset).toFixed(2)} s: match {percent(suggestion.matchNow)} →{' '}
            {percent(suggestion.match)}
          </span>
          <button
            type="button"
            className="primary"
            onClick={() => {
              reviewActions.nudgeGlobal(offset)
            }}
          >
            Apply
          </button>
        </>
      )}
    </div>
  )
}
