import type { MpegFrames } from '../../domain/audio/mpeg-frames'
import type { OpusHead } from '../../domain/audio/ogg-pages'
import type { PackedRange } from '../../domain/audio/packed-features'
import type { RangeResult } from '../../domain/audio/range-sink'
import type { WavFormat } from '../../domain/audio/wav-format'
import type { RangeBytes, RecordingSource } from './recording-file'

/** Opus decodes straight to 16 kHz: a third of the work of 48 kHz, and the features' own rate. */
export const OPUS_DECODE_RATE = 16_000

/** What a decode worker is asked to do. Every job names one range of one recording. */
export type DecodeJob =
  | {
      kind: 'ogg-opus'
      id: number
      head: OpusHead
      /** The range's pages only (a few hundred KB), not the file. */
      bytes: ArrayBuffer
      preroll: boolean
      startPos: number
      emitFrom: number
      emitTo: number
    }
  | {
      kind: 'wav'
      id: number
      wav: WavFormat
      /** Names the recording: a worker keeps the parts it read last by it. */
      recording: number
      /** Where the range's frames lie, found when it is handed out, or a copy of them. */
      bytes: RangeBytes
      /** The first frame's index in the recording. */
      firstFrame: number
      fromS: number
      toS: number
      last: boolean
    }
  | { kind: 'probe'; id: number; file: MediaFile }
  | { kind: 'media'; id: number; file: MediaFile; fromS: number; toS: number; last: boolean }

/**
 * A recording for mediabunny (its Blob and the parts a download made it of, or the pieces of a
 * download a range needs). Each message gives the worker new Blob objects for the same bytes, so
 * `id` names the recording: a worker keeps one demuxer and reader per recording, with what it
 * learnt of the file (an MP3's frame positions), instead of scanning from the start again for
 * every range.
 */
export type MediaFile = RecordingSource & {
  id: number
  /** Its first bytes look like MP3 (`looksLikeMpeg`): the workers try libmpg123 alone first. */
  mpeg?: true
  /** Its MP3 frames, as the probe found them: no other worker scans the file for them again. */
  frames?: MpegFrames
}

/** Packets before a range only prime the decoder (AAC's overlap, Opus's convergence). */
export const PREROLL_S = 0.2

/** Sent once to a new worker: compile libopus now. It gets no reply. */
export interface WarmUp {
  kind: 'warm-up'
}

export interface MediaFacts {
  duration: number
  channels: number
  codec: string
  /** An MP3's frames. */
  frames?: MpegFrames
}

/**
 * A range as the page gets it: its features packed into a Blob by the worker, so their bytes
 * never enter the page's heap (the peaks, 3 MB an hour, do).
 */
export type RangeReply = Omit<RangeResult, 'features'> & { features: PackedRange }

export type DecodeReply =
  | {
      id: number
      ok: true
      kind: 'range'
      range: RangeReply
      /** The buffer a job's bytes were copied into, given back to be used again. */
      spent?: ArrayBuffer
    }
  | { id: number; ok: true; kind: 'probe'; facts: MediaFacts }
  | { id: number; ok: false; error: string }

/** Where a media job's range ends, in seconds: the last range runs to the file's end. */
export function rangeEndS(job: Extract<DecodeJob, { kind: 'media' | 'wav' }>): number {
  return job.last ? Infinity : job.toS
}

/** The job as logged for tests and the benchmark (no payload). */
export type JobSummary =
  | { kind: 'ogg-opus'; emitFrom: number; emitTo: number }
  | { kind: 'probe' }
  | { kind: 'media' | 'wav'; fromS: number; toS: number }

export function summarize(job: DecodeJob): JobSummary {
  if (job.kind === 'ogg-opus') return { kind: job.kind, emitFrom: job.emitFrom, emitTo: job.emitTo }
  if (job.kind === 'media' || job.kind === 'wav')
    return { kind: job.kind, fromS: job.fromS, toS: job.toS }
  return { kind: job.kind }
}

/** The buffers a job moves to its worker (the worker gives a copy's back with its reply). */
export function jobTransfers(job: DecodeJob): ArrayBuffer[] {
  if (job.kind === 'ogg-opus') return [job.bytes]
  if (job.kind === 'wav' && 'copy' in job.bytes) return [job.bytes.copy]
  return []
}
