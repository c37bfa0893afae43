import { FEATURE_HOP_S, MFCC_COUNT } from '../audio/features'
import { dtwFeatures, dtwPath } from './dtw'

/**
 * Word starts from a synthesised reference (alignment.md §3.7b): the reference's word starts are
 * mapped through a DTW path between its MFCCs and the recording's over the message span.
 */
export interface Reference {
  /** Frame-major MFCCs of the reference audio (`computeFrameFeatures`). */
  mfcc: Float32Array
  /** Start of each word in the reference audio, seconds. */
  wordStarts: readonly number[]
}

export interface RecordingSpan {
  /** Frame-major MFCCs of the recording's channel (`ChannelFeatures.mfcc`). */
  mfcc: Float32Array
  /** Frames [startFrame, endFrame) to align: the message span with 100 ms either side. */
  startFrame: number
  endFrame: number
  /** The reply was interrupted: the recording may stop before the reference ends. */
  openEnd: boolean
}

export interface ReferenceWord {
  /** Seconds on the features' clock; undefined for a word the recording stopped before. */
  start: number | undefined
  /** Mean DTW distance over the word's reference frames; higher is a worse match. */
  cost: number
}

export const SPAN_MARGIN_FRAMES = 10

export function alignToReference(reference: Reference, span: RecordingSpan): ReferenceWord[] {
  const referenceFrames = Math.floor(reference.mfcc.length / MFCC_COUNT)
  const path = dtwPath(
    dtwFeatures(reference.mfcc, 0, referenceFrames),
    dtwFeatures(span.mfcc, span.startFrame, span.endFrame),
    span.openEnd,
  )
  const firstFrames = reference.wordStarts.map((t) =>
    Math.min(referenceFrames - 1, Math.max(0, Math.round(t / FEATURE_HOP_S))),
  )
  return firstFrames.map((frame, w) => {
    const until = Math.max(frame + 1, firstFrames[w + 1] ?? referenceFrames)
    let sum = 0
    let count = 0
    for (let f = frame; f < Math.min(until, path.referenceFrames); f++) {
      sum += path.rowCost[f] ?? 0
      count++
    }
    if (frame >= path.referenceFrames) return { start: undefined, cost: Infinity }
    const within = (reference.wordStarts[w] ?? 0) - frame * FEATURE_HOP_S
    const start = (span.startFrame + (path.firstMatch[frame] ?? 0)) * FEATURE_HOP_S + within
    return { start, cost: sum / Math.max(1, count) }
  })
}
