import { create } from 'zustand'
import type { AlignmentLayer } from '../../domain/align/layer'
import type { Corrections } from '../../domain/corrections'
import { anchorCertainty, channelLayout, turnsToAlign } from '../../domain/align/timeline-turns'
import { useCallStore } from '../../store/call-store'
import { reviewActions, useReviewStore } from '../../store/review-store'
import { buildViewAhead, withCurrentWords } from '../loading/view-ahead'
import { laneLayout } from '../waveform/lanes'
import type { AlignReply, AlignRequest } from './align.worker'

export interface AlignState {
  running: boolean
  /** What the last run did, in plain words. */
  message?: string
  /** The recording the last automatic run was for: it runs once per recording and history. */
  autoRanFor?: unknown
}

export const useAlignStore = create<AlignState>(() => ({ running: false }))

let current: Worker | undefined

/** Stops a running alignment (another call was opened, or a new run started). */
export function cancelAlignment() {
  current?.terminate()
  current = undefined
  useAlignStore.setState({ running: false })
}

/** Another recording: nothing said about the last one still holds. */
export function forgetAlignment() {
  cancelAlignment()
  useAlignStore.setState({ message: undefined })
}

/**
 * Aligns the loaded call to its recording in a worker and applies the result as one undoable step.
 * Items the reviewer corrected by hand are used as evidence and never moved.
 */
export function alignToAudio(reason: 'auto' | 'manual'): void {
  const { timeline, inputs } = useCallStore.getState()
  const audio = inputs.audio
  if (!timeline || !audio?.features || audio.channels === undefined) return
  cancelAlignment()
  const { corrections } = useReviewStore.getState()
  // Nudges of 0 are never stored: every key is a message the reviewer moved by hand.
  const fixed = new Set(corrections.nudges.keys())
  const { band, separated } = laneLayout(timeline.anchor, inputs.egress, audio.channels)
  const request: AlignRequest = {
    features: audio.features,
    turns: turnsToAlign(timeline, fixed),
    layout: channelLayout(audio.channels, separated, band),
    options: { anchor: anchorCertainty(timeline) },
    recording: audio.url,
  }
  const worker = new Worker(new URL('./align.worker.ts', import.meta.url), { type: 'module' })
  current = worker
  useAlignStore.setState({ running: true, message: 'Aligning to the audio…' })
  const forTimeline = timeline
  worker.onmessage = async (event: MessageEvent<AlignReply>) => {
    if (current !== worker) return
    current = undefined
    worker.terminate()
    // Still "running" until the result is on the page: word timing waits for where it puts things.
    const done = (message?: string) =>
      useAlignStore.setState({ running: false, ...(message !== undefined ? { message } : {}) })
    const stale = () => {
      const now = useCallStore.getState()
      return now.timeline !== forTimeline || now.inputs.audio !== audio
    }
    const reply = event.data
    if (stale()) return done()
    if (!reply.ok) return done(`Alignment failed: ${reply.error}`)
    const layer: AlignmentLayer = {
      offset: reply.offset,
      driftPpm: reply.driftPpm,
      driftFitted: reply.driftFitted,
      turns: new Map(reply.turns),
    }
    // The reviewer's corrections as they are when it lands, with this alignment in them.
    let aligned: { from: Corrections; corrections: Corrections } | undefined
    const alignedCorrections = () => {
      const latest = useReviewStore.getState().corrections
      if (aligned?.from !== latest)
        aligned = { from: latest, corrections: { ...latest, alignment: layer } }
      return aligned.corrections
    }
    // A newer run started meanwhile: it owns the status now.
    const superseded = () => current !== undefined
    await buildViewAhead(
      () => withCurrentWords(forTimeline, alignedCorrections()),
      () => !superseded() && !stale(),
    )
    if (superseded()) return
    if (stale()) return done()
    reviewActions.replaceCorrections(alignedCorrections())
    done(alignedMessage(reply, reason))
  }
  worker.onerror = (event) => {
    if (current !== worker) return
    cancelAlignment()
    useAlignStore.setState({ message: `Alignment failed: ${event.message || 'worker error'}` })
  }
  worker.postMessage(request)
}

/** What the speech model said, when it was asked. */
function gateSummary(reply: Extract<AlignReply, { ok: true }>): string | undefined {
  if (reply.gateError !== undefined) return `speech check unavailable (${reply.gateError})`
  if (reply.judged === 0) return undefined
  const stretches = (n: number) => `${n} stretch${n === 1 ? '' : 'es'}`
  return reply.rejected > 0
    ? `${stretches(reply.rejected)} of music or other non-speech sound left out`
    : `${stretches(reply.judged)} of steady sound checked: speech`
}

function alignedMessage(reply: Extract<AlignReply, { ok: true }>, reason: 'auto' | 'manual') {
  const moved = reply.turns.filter(([, t]) => t.status !== 'kept').length
  const unmatched = reply.turns.filter(([, t]) => t.status === 'unmatched').length
  const prefix = reason === 'auto' ? 'Aligned automatically' : 'Aligned'
  const parts = [
    `${prefix}: ${moved} of ${reply.turns.length} messages placed from the audio`,
    unmatched > 0 ? `${unmatched} not found (flagged)` : undefined,
    reply.driftFitted ? `drift ${Math.round(reply.driftPpm)} ppm` : undefined,
    gateSummary(reply),
  ].filter(Boolean)
  return `${parts.join(', ')}. Undo restores the previous placement.`
}
