import { useEffect } from 'react'
import { channelLayout } from '../../domain/align/timeline-turns'
import { useCallStore } from '../../store/call-store'
import { useCorrectedView } from '../../store/corrected-timeline'
import { player } from '../player/player'
import { laneLayout } from '../waveform/lanes'
import { stopWordTiming, timeWords } from './run-word-timing'

/** Keeps the audio-timed words in step with where each message sits now (renders nothing). */
export function WordTiming() {
  const view = useCorrectedView()
  const base = useCallStore((s) => s.timeline)
  const audio = useCallStore((s) => s.inputs.audio)
  const egress = useCallStore((s) => s.inputs.egress)
  const decoding = useCallStore((s) => s.decoding !== undefined)

  useEffect(() => {
    if (!view || !base || !audio?.features || audio.channels === undefined || decoding) return
    const { band, separated } = laneLayout(base.anchor, egress, audio.channels)
    const layout = channelLayout(audio.channels, separated, band)
    timeWords(view.timeline, base, audio, layout, player.time())
  }, [view, base, audio, egress, decoding])

  useEffect(() => stopWordTiming, [])
  return null
}
