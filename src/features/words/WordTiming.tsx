import { useEffect } from 'react'
import { useCallStore } from '../../store/call-store'
import { useCorrectedView } from '../../store/corrected-timeline'
import { useAlignStore } from '../align/run-alignment'
import { nextTask } from '../loading/next-task'
import { pauseWordTiming, stopWordTiming } from './run-word-timing'
import { timeCurrentWords } from './time-current-words'

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
    if (aligning) pauseWordTiming()
    // Asking (a scan of every message and a post of its words) waits for the next task: it
    // would otherwise add to the render of whatever moved the messages.
    let superseded = false
    void nextTask().then(() => {
      if (!superseded) timeCurrentWords()
    })
    return () => {
      superseded = true
    }
  }, [view, base, audio, egress, decoding, aligning])

  useEffect(() => stopWordTiming, [])
  return null
}
