import { usePeaksProgress } from '../audio/peaks-progress'

/** How much of the waveform is in, while it fills; where it came from, for tests and the benchmark. */
export function PeaksStatus() {
  const { fraction, complete, source, peaks } = usePeaksProgress()
  if (!peaks) return null
  return (
    <p
      className="waveform-progress"
      role="status"
      data-testid="peaks-status"
      data-source={source}
      data-complete={complete}
      hidden={complete}
    >
      Waveform {Math.round(fraction * 100)} % decoded; playback and the transcript work meanwhile.
    </p>
  )
}
