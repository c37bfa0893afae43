import { z } from 'zod'
import type { TimedSegment, TimedWord, WordTimings } from '../call'
import { camelCase, hasCamelCaseKey, snakeCaseKeys } from '../case'
import type { ParseResult, Problem } from '../problems'
import { describeValue, errorProblem } from '../problems'
import { epochSeconds, optional } from './zod-helpers'
import { zodProblems } from './zod-problems'

const WORD_NUMBERS = ['start_time', 'end_time', 'start_time_offset', 'confidence'] as const

/**
 * Words come by the hundred thousand on long calls, so they are checked by hand rather than by
 * zod (about 3× faster); the messages match the zod ones.
 */
function parseWords(
  raw: readonly unknown[],
): { words: TimedWord[] } | { path: string; message: string } {
  const words: TimedWord[] = new Array<TimedWord>(raw.length)
  for (let i = 0; i < raw.length; i++) {
    const entry = raw[i]
    if (entry === null || typeof entry !== 'object' || Array.isArray(entry))
      return { path: `[${i}]`, message: `expected an object, got ${describeValue(entry)}` }
    const record = entry as Record<string, unknown>
    if (typeof record.text !== 'string')
      return {
        path: `[${i}].text`,
        message: `expected a string, got ${describeValue(record.text)}`,
      }
    const word: TimedWord = { text: record.text }
    for (const key of WORD_NUMBERS) {
      const value = record[key]
      if (value === undefined || value === null) continue
      if (typeof value !== 'number' || !Number.isFinite(value))
        return { path: `[${i}].${key}`, message: `expected a number, got ${describeValue(value)}` }
      word[key] = value
    }
    words[i] = word
  }
  return { words }
}

const segmentSchema = z.looseObject({
  role: z.enum(['assistant', 'user']),
  time_base: z.enum(['segment_audio', 'segment_wallclock', 'stt_stream']),
  message_id: optional(z.string()),
  speech_id: optional(z.string()),
  segment_index: optional(z.number().int().nonnegative()).transform((v) => v ?? 0),
  anchor_unix: optional(epochSeconds),
  first_audio_at: optional(epochSeconds),
  played_duration: optional(z.number().nonnegative()),
  interrupted: optional(z.boolean()).transform((v) => v ?? false),
  words: z.array(z.unknown()),
})

const fileSchema = z.looseObject({ segments: z.array(segmentSchema) })

/** The `lk-replay.timed-transcript` capture file (formats.md §4.6), snake or camel word keys. */
export function parseTimedStringsFile(file: string, raw: unknown): ParseResult<WordTimings> {
  const camel = hasCamelCaseKey(raw, 4)
  const normalized = camel ? snakeCaseKeys(raw) : raw
  const parsed = fileSchema.safeParse(normalized)
  if (!parsed.success) {
    return {
      ok: false,
      problems: zodProblems({ file, prefix: '', camel }, parsed.error, normalized),
    }
  }
  const segments: TimedSegment[] = []
  for (const [index, s] of parsed.data.segments.entries()) {
    const words = parseWords(s.words)
    if ('message' in words) {
      const path = `segments[${index}].words${words.path}`
      return {
        ok: false,
        problems: [errorProblem(file, camel ? camelPath(path) : path, words.message)],
      }
    }
    const segment: TimedSegment = {
      role: s.role,
      timeBase: s.time_base,
      segmentIndex: s.segment_index,
      interrupted: s.interrupted,
      words: words.words,
    }
    if (s.message_id !== undefined) segment.messageId = s.message_id
    if (s.speech_id !== undefined) segment.speechId = s.speech_id
    if (s.anchor_unix !== undefined) segment.anchorUnix = s.anchor_unix
    if (s.first_audio_at !== undefined) segment.firstAudioAt = s.first_audio_at
    if (s.played_duration !== undefined) segment.playedDuration = s.played_duration
    segments.push(segment)
  }
  return { ok: true, value: { file, segments }, problems: [] }
}

function camelPath(path: string): string {
  return path.replace(/[a-z_]+/g, (segment) => camelCase(segment))
}

const chunkSchema = z.looseObject({ text: z.string(), end_time: z.number() })

/**
 * NDJSON lines of `{"text","end_time"}` from the `lk.transcription` stream (formats.md §4.5).
 * The stream has no segment ids, so a new segment starts where `end_time` goes back.
 */
export function parseTranscriptionStream(file: string, text: string): ParseResult<WordTimings> {
  const problems: Problem[] = []
  const segments: TimedSegment[] = []
  let current: TimedSegment | undefined
  let lastEnd = Number.POSITIVE_INFINITY
  text.split(/\r?\n/).forEach((line, index) => {
    if (line.trim() === '') return
    const chunk = chunkSchema.safeParse(snakeCaseKeys(safeJson(line)))
    if (!chunk.success) {
      problems.push(errorProblem(file, `line ${index + 1}`, 'expected {"text", "end_time"}'))
      return
    }
    if (!current || chunk.data.end_time < lastEnd) {
      current = newStreamSegment(segments.length)
      segments.push(current)
    }
    current.words.push({ text: chunk.data.text, end_time: chunk.data.end_time })
    lastEnd = chunk.data.end_time
  })
  if (segments.length === 0) return { ok: false, problems }
  return { ok: true, value: { file, segments }, problems }
}

function newStreamSegment(index: number): TimedSegment {
  return {
    role: 'assistant',
    timeBase: 'segment_wallclock',
    segmentIndex: 0,
    interrupted: false,
    words: [],
    speechId: `stream_${index}`,
  }
}

function safeJson(line: string): unknown {
  try {
    return JSON.parse(line) as unknown
  } catch {
    return undefined
  }
}
