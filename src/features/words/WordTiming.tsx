import { useEffect } from 'react'
import { channelLayout } from '../../domain/align/timeline-turns'
import { useCallStore } from '../../store/call-store'
import { useCorrectedView } from '../../store/corrected-timeline'
import { useAlignStore } from '../align/run-alignment'
import { nextTask } from '../loading/next-task'
import { player } from '../player/player'
import { laneLayout } from '../waveform/lanes'
import { pauseWordTiming, stopWordTiming, timeWords } from './run-word-timing'

/** Keeps the audio-timed words in step with where each message sits now (renders nothing). */
export function WordTiming() {
  const view = useCorrectedView()
  const base = useCallStore((s) => s.timeline)
  const audio = useCallStore((s) => s.inputs.audio)
  const egress = useCallStore((s) => s.inputs.egress)
  const decoding = useCallStore((s) => s.decoding !== undefined)
  // A running alignment is about to move the messages: time them where it puts them.
  const aligning = useAlignStore((s) => s.running)

  useEffect(() => {
    if (!view || !base || !audio?.features || audio.channels === undefined) return
    if (aligning) pauseWordTiming()
    if (decoding || aligning) return
    const { band, separated } = laneLayout(base.anchor, egress, audio.channels)
    const layout = channelLayout(audio.channels, separated, band)
    // Asking (a scan of every message and a post of its words) waits for the next task: it
    // would otherwise add to the render of whatever moved the messages.
    let superseded = false
    void nextTask().then(() => {
      if (!superseded) timeWords(view.timeline, base, audio, layout, player.time())
    })
    return () => {
      superseded = true
    }
  }, [view, base, audio, egress, decoding, aligning])

  useEffect(() => stopWordTiming, [])
  return null
}
