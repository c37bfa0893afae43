import { FEATURE_HOP_S } from '../audio/features'
import type { ChannelEnergy, MessageSpan } from './audio-words'
import { audioWordStarts } from './audio-words'
import { broadClasses } from './broad-classes'
import { alignClasses } from './class-align'
import { adaptedCosts, classCosts, spanFrames } from './class-costs'
import { guardWordStarts } from './guard'
import { trailingPunctuation } from './word-weight'

/** A channel's band energy with its 2–6 kHz band (`ChannelFeatures.highEnergy`). */
export interface ChannelBands extends ChannelEnergy {
  highEnergy: Float32Array
  /** `spectralShape(ChannelFeatures.mfcc)`; without it the classes are told apart by level and hiss. */
  shape?: Float32Array
}

/**
 * Word starts (recording seconds) of one message by broad phonetic class alignment: the energy
 * method's starts are the prior and the fallback, the class path moves them to where the words'
 * consonants and vowels are heard; the guard keeps the fallback where the path is implausible.
 */
export function classWordStarts(message: MessageSpan, channels: readonly ChannelBands[]): number[] {
  const fallback = audioWordStarts(message, channels)
  const channel = channels[message.channel]
  if (!channel || fallback.length < 2) return fallback
  const startFrame = Math.max(0, Math.round(message.start / FEATURE_HOP_S))
  const endFrame = Math.min(channel.energy.length, Math.round(message.end / FEATURE_HOP_S))
  const frames = endFrame - startFrame
  if (frames < 2) return fallback
  const span = spanFrames({ ...channel, startFrame, endFrame })
  const prior = classCosts(span)
  const words = message.words.map((word, w) => ({
    classes: broadClasses(word),
    punctuation: trailingPunctuation(word),
    expectedFrame: (fallback[w] ?? message.start) / FEATURE_HOP_S - startFrame,
  }))
  const first = alignClasses(words, prior, frames)
  if (!first) return fallback
  // The first path labels the span's frames; the second uses what this voice's classes look like.
  const path = alignClasses(words, adaptedCosts(span, first.frameClass, prior), frames) ?? first
  const aligned = path.starts.map((frame, w) => ({
    start: w === 0 ? message.start : (startFrame + frame) * FEATURE_HOP_S,
    cost: path.costs[w] ?? Infinity,
  }))
  return guardWordStarts(fallback, aligned).map((word) => word.start)
}
