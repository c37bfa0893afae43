import type { ChannelFeatures } from '../audio/features'
import { FEATURE_HOP_S } from '../audio/features'
import { FRAME_CENTRE_S } from './speech-segments'

const SEARCH_S = 0.06
const FLOOR_WINDOW_S = 0.2
const RISE_DB = 6

/**
 * The first audible frame near a segment start (alignment.md §3.6): within ±60 ms, the first
 * frame whose speech-band or fricative-band energy is 6 dB above the floor just before it, so weak
 * initial consonants count as the start, which is what a reviewer hears.
 */
export function refineOnset(channel: ChannelFeatures, start: number): number {
  const { energy, highEnergy } = channel
  const frameOf = (t: number) => Math.round((t - FRAME_CENTRE_S) / FEATURE_HOP_S)
  const from = Math.max(0, frameOf(start - SEARCH_S))
  const to = Math.min(energy.length - 1, frameOf(start + SEARCH_S))
  const floorFrom = Math.max(0, from - Math.round(FLOOR_WINDOW_S / FEATURE_HOP_S))
  if (to <= from || from - floorFrom < 3) return start
  let floorBand = Number.POSITIVE_INFINITY
  let floorHigh = Number.POSITIVE_INFINITY
  for (let f = floorFrom; f < from; f++) {
    floorBand = Math.min(floorBand, energy[f]!)
    floorHigh = Math.min(floorHigh, highEnergy[f]!)
  }
  for (let f = from; f <= to; f++) {
    if (energy[f]! - floorBand >= RISE_DB || highEnergy[f]! - floorHigh >= RISE_DB)
      return f * FEATURE_HOP_S + FRAME_CENTRE_S
  }
  return start
}
