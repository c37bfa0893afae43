import type { ChannelFeatures } from '../audio/features'
import { fallbackWordStarts } from './fallback'
import type { WordStart } from './guard'
import { guardWordStarts } from './guard'
import type { Reference } from './reference-align'
import { SPAN_MARGIN_FRAMES, alignToReference } from './reference-align'

export interface MessageWordsInput {
  /** The message's heard words, in order. */
  words: readonly string[]
  /** Frames [startFrame, endFrame) of the message's placed span in the channel. */
  startFrame: number
  endFrame: number
  channel: Pick<ChannelFeatures, 'energy' | 'mfcc'>
  /** `speechLevels(channel.energy).off`, computed once per channel. */
  speechLevelDb: number
  /** The synthesised text with its word starts; without it every word is estimated. */
  reference?: Reference
  /** An interrupted reply: the reference may run past the end of the recording's span. */
  openEnd: boolean
}

/** One message's word starts (seconds on the features' clock), each labelled aligned or estimated. */
export function messageWordStarts(input: MessageWordsInput): WordStart[] {
  const fallback = fallbackWordStarts({
    words: input.words,
    startFrame: input.startFrame,
    endFrame: input.endFrame,
    energy: input.channel.energy,
    speechLevelDb: input.speechLevelDb,
  })
  const aligned =
    input.reference &&
    alignToReference(input.reference, {
      mfcc: input.channel.mfcc,
      startFrame: Math.max(0, input.startFrame - SPAN_MARGIN_FRAMES),
      endFrame: Math.min(input.channel.energy.length, input.endFrame + SPAN_MARGIN_FRAMES),
      openEnd: input.openEnd,
    }).slice(0, input.words.length)
  return guardWordStarts(fallback, aligned)
}
