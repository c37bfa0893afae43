import type { ChannelFeatures } from '../audio/features'
import { FEATURE_HOP_S } from '../audio/features'
import { FRAME_CENTRE_S } from './speech-segments'

const SEARCH_S = 0.1
const FLOOR_WINDOW_S = 0.2
const RISE_DB = 4
/** A rise must hold this many frames: one loud frame of noise is not a start. */
const HOLD_FRAMES = 3

/**
 * The first audible frame near a segment start (alignment.md §3.6): within ±100 ms, the first
 * frame from which the speech-band or fricative-band energy stays 4 dB above the floor just before
 * the search for 30 ms, so weak initial consonants count as the start, which is what a reviewer
 * hears.
 */
export function refineOnset(channel: ChannelFeatures, start: number): number {
  const { energy, highEnergy } = channel
  const frameOf = (t: number) => Math.round((t - FRAME_CENTRE_S) / FEATURE_HOP_S)
  const from = Math.max(0, frameOf(start - SEARCH_S))
  const to = Math.min(energy.length - HOLD_FRAMES, frameOf(start + SEARCH_S))
  const floorFrom = Math.max(0, from - Math.round(FLOOR_WINDOW_S / FEATURE_HOP_S))
  if (to <= from || from - floorFrom < 3) return start
  let floorBand = Number.POSITIVE_INFINITY
  let floorHigh = Number.POSITIVE_INFINITY
  for (let f = floorFrom; f < from; f++) {
    floorBand = Math.min(floorBand, energy[f]!)
    floorHigh = Math.min(floorHigh, highEnergy[f]!)
  }
  const risen = (f: number) =>
    energy[f]! - floorBand >= RISE_DB || highEnergy[f]! - floorHigh >= RISE_DB
  let run = 0
  for (let f = from; f <= to + HOLD_FRAMES - 1; f++) {
    run = risen(f) ? run + 1 : 0
    if (run === HOLD_FRAMES) return (f - HOLD_FRAMES + 1) * FEATURE_HOP_S + FRAME_CENTRE_S
  }
  return start
}
