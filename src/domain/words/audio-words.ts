import { percentile, speechLevels } from '../align/speech-segments'
import { FEATURE_HOP_S } from '../audio/features'
import { fallbackWordStarts } from './fallback'
import { wordWeight } from './word-weight'

/** One message to time: its words and where it sits in one channel of the recording. */
export interface MessageSpan {
  id: string
  words: readonly string[]
  /** Seconds into the recording. */
  start: number
  end: number
  channel: number
}

/** One channel's band energy (`ChannelFeatures.energy`) and its speech level, computed once. */
export interface ChannelEnergy {
  energy: Float32Array
  /** `wordPauseLevel(energy)`. */
  speechLevelDb: number
}

const SILENCE_DB = -90
const SPAN_FLOOR_PERCENTILE = 0.05
const MIN_PAUSE_ABOVE_FLOOR_DB = 6
/**
 * A pause is at least this far under the span's loud end: a clean channel's floor is digital
 * silence, and a level just above it would miss the pauses that keep a breath or room tone.
 */
const PAUSE_BELOW_TOP_DB = 30

/** The channel's own pause level (`speechLevels().off`): noise is the floor, digital silence is not. */
export function wordPauseLevel(energy: Float32Array): number {
  return speechLevels(energy).off
}

/**
 * The pause level inside one message: the lower of the channel's and one from the span's own
 * levels. On a clean agent channel the channel's quietest audible frames are soft consonants, so
 * its level would cut words at every fricative; the span's pauses set it lower, 6 dB over its
 * floor, but no lower than 30 dB under its loud end (speech's own dynamic range).
 */
export function spanPauseLevel(channel: ChannelEnergy, startFrame: number, endFrame: number) {
  const span = channel.energy.subarray(startFrame, endFrame).map((e) => Math.max(e, SILENCE_DB))
  const floor = percentile(span, SPAN_FLOOR_PERCENTILE)
  const top = percentile(span, 0.97)
  return Math.min(
    channel.speechLevelDb,
    Math.max(floor + MIN_PAUSE_ABOVE_FLOOR_DB, top - PAUSE_BELOW_TOP_DB),
  )
}

/**
 * Word starts (recording seconds) of one message from the energy under its span: the fallback of
 * word-timing.md, chosen over the reference TTS path for speed and size (word-timing.md, "Choice").
 */
export function audioWordStarts(
  message: MessageSpan,
  channels: readonly ChannelEnergy[],
): number[] {
  const channel = channels[message.channel]
  if (!channel || message.words.length === 0) return []
  const frames = channel.energy.length
  const startFrame = Math.max(0, Math.min(frames, Math.round(message.start / FEATURE_HOP_S)))
  const endFrame = Math.max(startFrame, Math.min(frames, Math.round(message.end / FEATURE_HOP_S)))
  if (endFrame - startFrame < 2) return []
  const starts = fallbackWordStarts({
    words: message.words,
    startFrame,
    endFrame,
    energy: channel.energy,
    speechLevelDb: spanPauseLevel(channel, startFrame, endFrame),
  })
  // The span's own start is the placement's best word-one estimate; frames round it to 10 ms.
  if (starts.length > 0) starts[0] = message.start
  return starts.map((s) => Math.max(message.start, Math.min(message.end, s)))
}

/**
 * How many of an interrupted message's words were heard: those that start before the span ends at
 * the speaker's own pace (seconds per `wordWeight` unit, from their complete messages).
 */
export function heardWordCount(
  words: readonly string[],
  seconds: number,
  secondsPerWeight: number,
): number {
  let before = 0
  let count = 0
  for (const word of words) {
    if (before * secondsPerWeight >= seconds) break
    before += wordWeight(word)
    count++
  }
  return Math.max(1, count)
}

/** Seconds per weight unit over complete messages: the median, so odd turns do not skew it. */
export function speakingPace(messages: readonly { words: readonly string[]; seconds: number }[]) {
  const paces = messages
    .map((m) => m.seconds / m.words.reduce((sum, w) => sum + wordWeight(w), 0))
    .filter((p) => Number.isFinite(p) && p > 0)
    .sort((a, b) => a - b)
  return paces[Math.floor(paces.length / 2)]
}
