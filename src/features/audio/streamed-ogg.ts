import type { PlannedOpening } from '../../domain/audio/ogg-opening'
import { OPENING_RANGES } from '../../domain/audio/decode-ranges'
import { readOpening, sameOpening, tailPages } from '../../domain/audio/ogg-opening'
import type { Filling } from './decode-peaks'
import { openingRanges, poolRange, readIndex, sniffOggOpus } from './decode-ogg'
import { DecodePool } from './decode-pool'
import type { EarlyOpening } from './early-opening'
import type { RangeReply } from './decode-protocol'
import { OPUS_DECODE_RATE } from './decode-protocol'
import type { GrowingFile } from './growing-file'
import { RecordingReader } from './recording-file'
import type { StreamedStart } from './streamed-start'
import type { RangesDecoded } from './run-ranges'
import { RangesAssembly, untilAborted } from './run-ranges'

/**
 * A linked Ogg Opus recording's opening ranges, planned from its first bytes (which hold every
 * opening range) and its tail, or decoding since the page's first script planned them.
 */
export type StreamedOpening = PlannedOpening & ({ prefix: Blob } | { early: EarlyOpening })

/** The whole file's plan does not begin as the early one did: it is opened again from the file. */
export class StreamedPlanMismatch extends Error {
  constructor(readonly file: Blob) {
    super('the downloaded recording does not match its first bytes and tail')
    this.name = 'StreamedPlanMismatch'
  }
}

/**
 * Plans the opening ranges of an Ogg Opus recording still downloading, so they decode while the
 * rest arrives; undefined when it is no Ogg Opus.
 */
export async function streamedOpening(
  file: GrowingFile,
  { size, start, tail, tailStart }: StreamedStart,
  signal: AbortSignal,
): Promise<StreamedOpening | undefined> {
  if (!(await sniffOggOpus(start))) return undefined
  let prefix: Blob | undefined
  const upTo = async (bytes: number) => {
    prefix = await file.upTo(bytes)
    return prefix && !signal.aborted ? new Uint8Array(await prefix.arrayBuffer()) : undefined
  }
  const pages = tailPages(tail, tailStart)
  const opening = await readOpening(upTo, pages, size, OPUS_DECODE_RATE, OPENING_RANGES)
  return opening && prefix && { ...opening, prefix }
}

/**
 * Decodes the opening ranges from the first bytes, then, once the whole file is in and its plan
 * begins with the same ranges, the rest: every range once, into the arrays the opening drew.
 */
export async function decodeStreamedOgg(
  opening: StreamedOpening,
  download: GrowingFile,
  signal: AbortSignal,
  filling: Filling,
): Promise<RangesDecoded> {
  const { head, plan } = opening
  const duration = plan.totalSamples / OPUS_DECODE_RATE
  const pool = 'early' in opening ? opening.early.pool : new DecodePool()
  try {
    // The opening ranges are never the last one: there is at least one more.
    const assembly = new RangesAssembly(head.channels, duration, filling, plan.ranges.length + 1)
    const decodedOpening = untilAborted(decodeOpening(opening, pool, assembly.place), signal)
    // Its failure is reported once awaited below; until then it must not go unhandled.
    decodedOpening.catch(() => {})
    const file = await untilAborted(download.whole, signal)
    if (!file) throw new Error('the download of the recording failed')
    const index = await readIndex(file)
    if (JSON.stringify(index.head) !== JSON.stringify(head) || !sameOpening(index.plan, plan))
      throw new StreamedPlanMismatch(file)
    await decodedOpening
    const reader = new RecordingReader({ blob: file, parts: download.foldedParts })
    const rest = index.plan.ranges.slice(plan.ranges.length).map((r) => poolRange(reader, head, r))
    const after = plan.ranges.length
    await untilAborted(
      pool.run(rest, (range, index) => assembly.place(range, index + after)),
      signal,
    )
    return assembly.result()
  } finally {
    pool.terminate()
  }
}

/** The opening ranges, decoded on `pool` from the first bytes, or taken as the first script decodes them. */
function decodeOpening(
  opening: StreamedOpening,
  pool: DecodePool,
  place: (range: RangeReply, index: number) => void,
): Promise<void> {
  if ('early' in opening) return opening.early.decoded(place)
  return pool.run(openingRanges(opening, opening.prefix), place)
}
