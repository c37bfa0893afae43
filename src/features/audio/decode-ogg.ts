import type { OggPlan, OggRange } from '../../domain/audio/decode-ranges'
import { planOggRanges } from '../../domain/audio/decode-ranges'
import type { PlannedOpening } from '../../domain/audio/ogg-opening'
import type { OpusHead } from '../../domain/audio/ogg-pages'
import { opusHeadOf, scanOggPages } from '../../domain/audio/ogg-pages'
import type { Filling } from './decode-peaks'
import type { PoolRange } from './decode-pool'
import { DecodePool } from './decode-pool'
import { OPUS_DECODE_RATE } from './decode-protocol'
import type { RangeReader, RecordingFile } from './recording-file'
import { RecordingReader } from './recording-file'
import type { RangesDecoded } from './run-ranges'
import { runRanges } from './run-ranges'

/** An Ogg Opus file with headers and no audio: nothing to decode, to play or to fall back on. */
export class EmptyRecordingError extends Error {
  constructor() {
    super(
      'the recording is empty: it has Ogg Opus headers but no audio, so there is nothing to play',
    )
    this.name = 'EmptyRecordingError'
  }
}

export async function sniffOggOpus(file: Blob): Promise<boolean> {
  return isOggOpus(new Uint8Array(await file.slice(0, 128).arrayBuffer()))
}

/** Whether a file's first bytes start an Ogg stream of Opus. */
export function isOggOpus(bytes: Uint8Array): boolean {
  const head = new TextDecoder('latin1').decode(bytes.subarray(0, 128))
  return head.startsWith('OggS') && head.includes('OpusHead')
}

/**
 * Ogg/Opus (the agent's audio.ogg, Egress OGG): the page index is read here (headers only), the
 * file is cut at page boundaries, and each worker gets only its range's bytes, read from the file
 * when the range is handed out: the page does not hold the whole file while it decodes.
 */
export async function decodeOggOpus(
  file: RecordingFile,
  signal: AbortSignal,
  filling: Filling,
): Promise<RangesDecoded> {
  const { head, plan } = await readIndex(file.blob)
  if (plan.totalSamples === 0) throw new EmptyRecordingError()
  const reader = new RecordingReader(file)
  const ranges = plan.ranges.map((r) => poolRange(reader, head, r))
  const pool = new DecodePool()
  try {
    const duration = plan.totalSamples / OPUS_DECODE_RATE
    return await runRanges(pool, ranges, head.channels, duration, signal, filling)
  } finally {
    pool.terminate()
  }
}

/** A range's job reads its bytes (from the file, or from a download) when handed out. */
export function poolRange(file: RangeReader, head: OpusHead, r: OggRange): PoolRange {
  return {
    fromS: r.emitFrom / OPUS_DECODE_RATE,
    toS: r.emitTo / OPUS_DECODE_RATE,
    job: async () => ({
      kind: 'ogg-opus' as const,
      head,
      bytes: (await file.read(r.byteStart, r.byteEnd)).buffer,
      preroll: r.preroll,
      startPos: r.startPos,
      emitFrom: r.emitFrom,
      emitTo: r.emitTo,
    }),
  }
}

/** The jobs of an opening's ranges, read from the first bytes (`prefix`) that hold them all. */
export function openingRanges({ head, plan }: PlannedOpening, prefix: Blob): PoolRange[] {
  const reader = new RecordingReader({ blob: prefix })
  return plan.ranges.map((r) => poolRange(reader, head, r))
}

/** The page index and the range plan; the file's bytes are dropped once they are read. */
export async function readIndex(file: Blob): Promise<{ head: OpusHead; plan: OggPlan }> {
  const bytes = new Uint8Array(await file.arrayBuffer())
  const pages = scanOggPages(bytes)
  const head = opusHeadOf(bytes, pages)
  if (!head) throw new Error('not an Ogg Opus stream')
  return { head, plan: planOggRanges(pages, OPUS_DECODE_RATE, head.preSkip, bytes.length) }
}
