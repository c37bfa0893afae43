import { useCallStore } from '../../store/call-store'
import { usePeaksProgress } from '../audio/peaks-progress'

/**
 * How much of the waveform is in, while it fills; where it came from, for tests and the benchmark.
 * A recording the page may not read says why its lanes stay flat.
 */
export function PeaksStatus() {
  const { fraction, complete, source, peaks, stopped } = usePeaksProgress()
  const unread = useCallStore((s) => s.inputs.audio?.unread)
  if (unread)
    return (
      <p className="waveform-progress" role="status">
        No waveform: this page may not read the recording, which plays from its link.
      </p>
    )
  if (!peaks) return null
  const decoded = `Waveform ${Math.round(fraction * 100)} % decoded`
  return (
    <p
      className="waveform-progress"
      role="status"
      data-testid="peaks-status"
      data-source={source}
      data-complete={complete}
      data-stopped={stopped !== undefined}
      hidden={complete}
    >
      {stopped === undefined
        ? `${decoded}; playback and the transcript work meanwhile.`
        : `${decoded}; the rest could not be (${stopped}). Playback and the transcript still work.`}
    </p>
  )
}
