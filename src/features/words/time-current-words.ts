import { channelLayout } from '../../domain/align/timeline-turns'
import { useCallStore } from '../../store/call-store'
import { currentCorrectedView } from '../../store/corrected-timeline'
import { useAlignStore } from '../align/run-alignment'
import { player } from '../player/player'
import { laneLayout } from '../waveform/lanes'
import { timeWords } from './run-word-timing'

/**
 * Asks the word worker for every message not timed where it sits now, from the stores as they
 * are: once the recording has decoded, and not while an alignment is about to move everything.
 */
export function timeCurrentWords() {
  const { timeline: base, inputs, decoding } = useCallStore.getState()
  const audio = inputs.audio
  if (!base || !audio?.features || audio.channels === undefined || decoding !== undefined) return
  if (useAlignStore.getState().running) return
  const view = currentCorrectedView()
  if (!view) return
  const { band, separated } = laneLayout(base.anchor, inputs.egress, audio.channels)
  const layout = channelLayout(audio.channels, separated, band)
  timeWords(view.timeline, base, audio, layout, player.time())
}
