import { usePeaksProgress } from '../audio/peaks-progress'

/** How much of the waveform is in, while it fills; where it came from, for tests and the benchmark. */
export function PeaksStatus() {
  const { fraction, complete, source, peaks, stopped } = usePeaksProgress()
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
