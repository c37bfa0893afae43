import { KEY_SLICE_BYTES, KEY_SLICES } from '../../domain/audio/content-key'
import type { OpeningPlan } from '../../domain/audio/ogg-opening'
import { planOpening, sameOpening, tailPages } from '../../domain/audio/ogg-opening'
import type { OpusHead } from '../../domain/audio/ogg-pages'
import { opusHeadOf, scanOggPages } from '../../domain/audio/ogg-pages'
import { probeKey } from './content-key'
import type { Filling } from './decode-peaks'
import { poolRange, readIndex, sniffOggOpus } from './decode-ogg'
import { DecodePool, warmDecodeWorkers } from './decode-pool'
import { OPUS_DECODE_RATE } from './decode-protocol'
import type { GrowingFile } from './growing-file'
import { cachedProbes, mayHold } from './peaks-cache'
import type { RangesDecoded } from './run-ranges'
import { OPENING_RANGES, RangesAssembly, untilAborted } from './run-ranges'

/** Holds the last page (at most 65,307 bytes) and the content key's last slice. */
const TAIL_BYTES = 128 * 1024
/** The opening 20 s of a voice call's Opus (≈ 26 kbit/s); twice as much is waited for until they are in. */
const FIRST_BYTES = 96 * 1024

/** A linked Ogg Opus recording's opening ranges, planned from its first bytes and its tail. */
export interface StreamedOpening {
  head: OpusHead
  plan: OpeningPlan
  /** The first bytes, holding every opening range. */
  prefix: Blob
}

/** The whole file's plan does not begin as the early one did: it is opened again from the file. */
export class StreamedPlanMismatch extends Error {
  constructor(readonly file: Blob) {
    super('the downloaded recording does not match its first bytes and tail')
    this.name = 'StreamedPlanMismatch'
  }
}

/**
 * Plans the opening ranges of a recording still downloading, so they decode while the rest
 * arrives. Undefined, and the recording opens from the whole file as a dropped one does, when it
 * is no Ogg Opus, small, the server gives no ranged read of its tail, or the cache may hold it
 * (a reopen starts no decode worker, and its cache key needs the whole file).
 */
export async function streamedOpening(
  file: GrowingFile,
  signal: AbortSignal,
): Promise<StreamedOpening | undefined> {
  // Read once, while the headers and the tail come in. An empty cache cannot hold the recording:
  // the workers start, and compile libopus, meanwhile. Otherwise they start once the probe has
  // missed: started on a reopen, they would take the cores its cache read needs.
  const probes = cachedProbes()
  void probes.then((known) => {
    if (known?.length === 0 && !signal.aborted) warmDecodeWorkers()
  })
  const size = await file.sized
  if (size === undefined || size <= KEY_SLICES * KEY_SLICE_BYTES) return undefined
  // The tail is asked for with the headers, and the probe's first slice comes with the first
  // chunks: the workers start long before the opening ranges' bytes are all in.
  const [start, tail] = await Promise.all([
    file.upTo(KEY_SLICE_BYTES),
    readTail(file.url, size, signal),
  ])
  if (!start || !tail || signal.aborted) return undefined
  if (start.size < KEY_SLICE_BYTES || !(await sniffOggOpus(start))) return undefined
  const tailStart = size - tail.length
  const probe = await probeKey(size, (span) =>
    span.start === 0
      ? start.slice(span.start, span.end)
      : new Blob([tail.slice(span.start - tailStart, span.end - tailStart)]),
  )
  if (signal.aborted || mayHold(await probes, probe)) return undefined
  warmDecodeWorkers()
  const pages = tailPages(tail, tailStart)
  for (let wanted = FIRST_BYTES; ; wanted *= 2) {
    const prefix = await file.upTo(Math.min(wanted, size))
    if (!prefix || signal.aborted) return undefined
    const bytes = new Uint8Array(await prefix.arrayBuffer())
    const prefixPages = scanOggPages(bytes)
    const head = opusHeadOf(bytes, prefixPages)
    if (!head) return undefined
    const plan = planOpening(
      prefixPages,
      pages,
      OPUS_DECODE_RATE,
      head.preSkip,
      size,
      OPENING_RANGES,
    )
    if (plan) return { head, plan, prefix }
    if (prefix.size >= size) return undefined
  }
}

/** The last `TAIL_BYTES` by an HTTP range request; undefined unless the server answered exactly that. */
async function readTail(
  url: string,
  size: number,
  signal: AbortSignal,
): Promise<Uint8Array | undefined> {
  const start = size - TAIL_BYTES
  try {
    const response = await fetch(url, { headers: { Range: `bytes=${start}-` }, signal })
    const range = /^bytes (\d+)-(\d+)\/(\d+)$/.exec(response.headers.get('content-range') ?? '')
    const exact =
      response.status === 206 &&
      Number(range?.[1]) === start &&
      Number(range?.[2]) === size - 1 &&
      Number(range?.[3]) === size
    if (!exact) {
      void response.body?.cancel()
      return undefined
    }
    const bytes = new Uint8Array(await response.arrayBuffer())
    return bytes.length === TAIL_BYTES ? bytes : undefined
  } catch {
    return undefined
  }
}

/**
 * Decodes the opening ranges from the first bytes, then, once the whole file is in and its plan
 * begins with the same ranges, the rest: every range once, into the arrays the opening drew.
 */
export async function decodeStreamedOgg(
  opening: StreamedOpening,
  whole: Promise<Blob | undefined>,
  signal: AbortSignal,
  filling: Filling,
): Promise<RangesDecoded> {
  const { head, plan, prefix } = opening
  const duration = plan.totalSamples / OPUS_DECODE_RATE
  const pool = new DecodePool()
  try {
    // The opening ranges are never the last one: there is at least one more.
    const assembly = new RangesAssembly(head.channels, duration, filling, plan.ranges.length + 1)
    const openingRanges = plan.ranges.map((r) => poolRange(prefix, head, r))
    const decodedOpening = untilAborted(pool.run(openingRanges, assembly.place), signal)
    // Its failure is reported once awaited below; until then it must not go unhandled.
    decodedOpening.catch(() => {})
    const file = await untilAborted(whole, signal)
    if (!file) throw new Error('the download of the recording failed')
    const index = await readIndex(file)
    if (JSON.stringify(index.head) !== JSON.stringify(head) || !sameOpening(index.plan, plan))
      throw new StreamedPlanMismatch(file)
    await decodedOpening
    const rest = index.plan.ranges.slice(plan.ranges.length).map((r) => poolRange(file, head, r))
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
