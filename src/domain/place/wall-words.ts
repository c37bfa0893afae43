import type { ChatMessage, TimedSegment, TimedWord } from '../call'

/** A word on the agent-host clock (epoch seconds), before it is mapped into the recording. */
export interface WallWord {
  text: string
  start: number
  end: number
  heard: boolean
  /** Placed by the per-call STT calibration rather than by a captured anchor. */
  calibrated?: true
}

export interface SttCalibration {
  /** Epoch seconds of STT time 0 when the capture has no `first_audio_at` (formats.md §9.4). */
  clock?: number
}

const FALLBACK_WORD_S = 0.3

/** formats.md §9.4: the words of one message's segments on the wall clock. */
export function wallWords(
  message: ChatMessage,
  segments: readonly TimedSegment[],
  stt: SttCalibration,
): WallWord[] {
  const out: WallWord[] = []
  let previousAnchor: number | undefined
  let previousLength = 0
  for (const segment of segments) {
    const anchor =
      segment.anchorUnix ??
      (previousAnchor === undefined
        ? message.metrics.started_speaking_at
        : previousAnchor + previousLength)
    const words = segmentWords(segment, message, anchor, stt)
    out.push(...words)
    if (anchor !== undefined) {
      previousAnchor = anchor
      const last = words.at(-1)
      previousLength = segment.playedDuration ?? (last ? last.end - anchor : 0)
    }
  }
  return out
}

function segmentWords(
  segment: TimedSegment,
  message: ChatMessage,
  anchor: number | undefined,
  stt: SttCalibration,
): WallWord[] {
  switch (segment.timeBase) {
    case 'segment_audio':
      return anchor === undefined ? [] : audioWords(segment, message, anchor)
    case 'segment_wallclock':
      return anchor === undefined ? [] : wallclockWords(segment.words, anchor)
    case 'stt_stream':
      return sttWords(segment, stt)
  }
}

/** Seconds of this segment that were played: its own `played_duration`, else up to the stop. */
function playedLimit(
  segment: TimedSegment,
  message: ChatMessage,
  anchor: number,
): number | undefined {
  if (segment.playedDuration !== undefined) return segment.playedDuration
  const stopped = message.metrics.stopped_speaking_at
  if (!segment.interrupted && !message.interrupted) return undefined
  return stopped !== undefined ? Math.max(0, stopped - anchor) : undefined
}

function audioWords(segment: TimedSegment, message: ChatMessage, anchor: number): WallWord[] {
  const limit = playedLimit(segment, message, anchor)
  const words = cleanWords(segment.words)
  let previousEnd = 0
  return words.map((word, i) => {
    const start = word.start_time ?? previousEnd
    const end = word.end_time ?? words[i + 1]?.start_time ?? limit ?? start + FALLBACK_WORD_S
    previousEnd = end
    const heard = limit === undefined || start < limit
    const heardEnd = heard && limit !== undefined ? Math.min(end, limit) : end
    return {
      text: word.text,
      start: anchor + start,
      end: anchor + Math.max(start, heardEnd),
      heard,
    }
  })
}

function wallclockWords(words: readonly TimedWord[], anchor: number): WallWord[] {
  let previousEnd = 0
  return cleanWords(words).map((word) => {
    const end = word.end_time ?? previousEnd
    const start = previousEnd
    previousEnd = end
    return { text: word.text, start: anchor + start, end: anchor + end, heard: true }
  })
}

function sttWords(segment: TimedSegment, stt: SttCalibration): WallWord[] {
  const words = cleanWords(segment.words)
  if (segment.firstAudioAt !== undefined) {
    const base = segment.firstAudioAt
    return words.map((w) => sttWord(w, base - (w.start_time_offset ?? 0)))
  }
  if (stt.clock === undefined) return []
  const clock = stt.clock
  return words.map((w) => ({ ...sttWord(w, clock), calibrated: true }))
}

function sttWord(word: TimedWord, base: number): WallWord {
  const start = word.start_time ?? word.end_time ?? 0
  const end = word.end_time ?? start + FALLBACK_WORD_S
  return { text: word.text, start: base + start, end: base + end, heard: true }
}

/** Drops empty tokens and trims Cartesia's leading / ElevenLabs' trailing spaces. */
function cleanWords(words: readonly TimedWord[]): TimedWord[] {
  return words.map((w) => ({ ...w, text: w.text.trim() })).filter((w) => w.text !== '')
}

/**
 * Without `first_audio_at`, STT time 0 is calibrated once per call: the median over user turns of
 * `started_speaking_at − first_word.start_time`, plus ~50 ms of VAD lead (formats.md §9.4).
 */
export function calibrateStt(
  pairs: readonly { startedSpeakingAt: number; firstWordStart: number }[],
  fallback: number | undefined,
): SttCalibration {
  if (pairs.length === 0) return fallback === undefined ? {} : { clock: fallback }
  const deltas = pairs.map((p) => p.startedSpeakingAt - p.firstWordStart).sort((a, b) => a - b)
  const mid = Math.floor(deltas.length / 2)
  const median =
    deltas.length % 2 === 1 ? (deltas[mid] ?? 0) : ((deltas[mid - 1] ?? 0) + (deltas[mid] ?? 0)) / 2
  return { clock: median + 0.05 }
}
