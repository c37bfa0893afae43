import { planTimeRanges } from '../../domain/audio/decode-ranges'
import type { WavFormat } from '../../domain/audio/wav-format'
import { readWavFormat, wavByteRange, wavDuration } from '../../domain/audio/wav-format'
import type { Filling } from './decode-peaks'
import type { BytesAt } from './recording-file'
import { EmptyRecordingError } from './decode-ogg'
import type { PoolRange } from './decode-pool'
import { DecodePool } from './decode-pool'
import type { RangesDecoded } from './run-ranges'
import { runRanges } from './run-ranges'

let lastRecording = 0

/** Holds the `fmt ` chunk and the start of `data` behind any metadata a writer puts first. */
export const WAV_HEAD_BYTES = 64 * 1024

/** The format of a WAV file this reads itself, from its first bytes; undefined for any other file. */
export async function sniffWav(head: Blob, fileSize: number): Promise<WavFormat | undefined> {
  const bytes = new Uint8Array(await head.slice(0, WAV_HEAD_BYTES).arrayBuffer())
  return readWavFormat(bytes, fileSize)
}

/**
 * A WAV recording: the workers parse its samples by time ranges. Each range's bytes are found
 * when it is handed out, by `bytesAt(start, end)` (a download gives them once they have come in;
 * undefined when they never will), and read by the worker.
 */
export async function decodeWav(
  wav: WavFormat,
  bytesAt: (start: number, end: number) => Promise<BytesAt | undefined>,
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
        const bytes = await bytesAt(start, end)
        if (!bytes) throw new Error('the download of the recording failed')
        return { kind: 'wav' as const, wav, recording, bytes, firstFrame, ...r, last }
      },
    }
  })
  const pool = new DecodePool()
  try {
    return await runRanges(pool, ranges, wav.channels, duration, signal, filling)
  } finally {
    pool.terminate()
  }
}
