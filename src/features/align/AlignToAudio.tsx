import { useEffect } from 'react'
import { needsAlignment } from '../../domain/align/timeline-turns'
import { useCallStore } from '../../store/call-store'
import { useReviewStore } from '../../store/review-store'
import { alignToAudio, useAlignStore } from './run-alignment'

/**
 * "Align to audio", and the automatic run after the recording decodes when the placement rests on
 * weak clocks (`created_at` only, a guessed anchor, a mono mix without metrics).
 */
export function AlignToAudio() {
  const timeline = useCallStore((s) => s.timeline)
  const audio = useCallStore((s) => s.inputs.audio)
  const aligned = useReviewStore((s) => s.corrections.alignment !== undefined)
  const decoding = useCallStore((s) => s.decoding !== undefined)
  const { running, message, autoRanFor } = useAlignStore()
  // While another recording decodes, the loaded one may belong to the previous call.
  const ready = timeline !== undefined && audio?.features !== undefined && !decoding

  useEffect(() => {
    if (!timeline || !audio?.features || aligned || decoding) return
    if (autoRanFor === audio) return
    const mono = (audio.channels ?? 2) < 2
    if (!needsAlignment(timeline, mono)) return
    useAlignStore.setState({ autoRanFor: audio })
    alignToAudio('auto')
  }, [timeline, audio, aligned, autoRanFor, decoding])

  return (
    <div className="suggest" aria-live="polite">
      <button
        type="button"
        disabled={!ready || running}
        title="Find every message in the recording's speech; hand-corrected messages stay where you put them"
        onClick={() => alignToAudio('manual')}
      >
        Align to audio
      </button>
      {message && <span data-testid="align-status">{message}</span>}
    </div>
  )
}
