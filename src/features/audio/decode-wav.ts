import { planTimeRanges } from '../../domain/audio/decode-ranges'
import type { WavFormat } from '../../domain/audio/wav-format'
import { readWavFormat, wavByteRange, wavDuration } from '../../domain/audio/wav-format'
import type { Filling } from './decode-peaks'
import type { BytesAt, RangeBytes } from './recording-file'
import { readRangeInto } from './linked-keys'
import { EmptyRecordingError } from './decode-ogg'
import type { PoolRange } from './decode-pool'
import { DecodePool } from './decode-pool'
import type { RangesDecoded } from './run-ranges'
import { runRanges } from './run-ranges'

/** Holds the `fmt ` chunk and the start of `data` behind any metadata a writer puts first. */
export const WAV_HEAD_BYTES = 64 * 1024

/** The format of a WAV file this reads itself, from its first bytes; undefined for any other file. */
export async function sniffWav(head: Blob, fileSize: number): Promise<WavFormat | undefined> {
  const bytes = new Uint8Array(await head.slice(0, WAV_HEAD_BYTES).arrayBuffer())
  return readWavFormat(bytes, fileSize)
}

/** Where the workers get a WAV's bytes from. */
export interface WavSource {
  /** Bytes `start` to `end` once they are in; undefined when they never will be. */
  bytes(start: number, end: number): Promise<RangeBytes | undefined>
  /** Gets back the buffers ranges were copied into. */
  spent?: (buffer: ArrayBuffer) => void
}

/** The bytes of a file kept whole (in hand, or downloading), read by the workers where they lie. */
export function keptWav(
  bytesAt: (start: number, end: number) => BytesAt | undefined | Promise<BytesAt | undefined>,
): WavSource {
  return { bytes: async (start, end) => bytesAt(start, end) }
}

/**
 * The bytes of a linked file too large to keep, read by ranges from its link as the workers
 * reach them, in whatever order they are handed out (the view the reviewer looks at first).
 */
export function rangedWav(url: string, size: number, signal: AbortSignal): WavSource {
  const free: ArrayBuffer[] = []
  return {
    async bytes(start, end) {
      const spare = free.pop()
      const copy = spare && spare.byteLength >= end - start ? spare : new ArrayBuffer(end - start)
      const read = await readRangeInto(
        url,
        start,
        size,
        new Uint8Array(copy, 0, end - start),
        signal,
      )
      return read && { copy: read.buffer, start, end }
    },
    spent: (buffer) => void free.push(buffer),
  }
}

/** Names each decoded recording: a worker keeps the parts it read last by it. */
let lastRecording = 0

/**
 * A WAV recording: the workers parse its samples by time ranges. Each range's bytes are found
 * when it is handed out (a download gives them once they have come in), and read by the worker.
 */
export async function decodeWav(
  wav: WavFormat,
  source: WavSource,
  signal: AbortSignal,
  filling: Filling,
): Promise<RangesDecoded> {
  const duration = wavDuration(wav)
  if (!(duration > 0)) throw new EmptyRecordingError()
  const planned = planTimeRanges(duration)
  const recording = ++lastRecording
  const ranges = planned.map((r, i): PoolRange => {
    const last = i === planned.length - 1
    const { start, end, firstFrame } = wavByteRange(wav, r.fromS, last ? Infinity : r.toS)
    return {
      ...r,
      job: async () => {
        const bytes = await source.bytes(start, end)
        if (!bytes) throw new Error('the download of the recording failed')
        return { kind: 'wav' as const, wav, recording, bytes, firstFrame, ...r, last }
      },
    }
  })
  const pool = new DecodePool()
  try {
    const { spent } = source
    return await runRanges(pool, ranges, wav.channels, duration, signal, filling, {
      ...(spent ? { spent } : {}),
    })
  } finally {
    pool.terminate()
  }
}
