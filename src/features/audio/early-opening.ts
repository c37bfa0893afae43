import { OPENING_RANGES } from '../../domain/audio/decode-ranges'
import { withRoom } from '../../domain/with-room'
import type { PlannedOpening } from '../../domain/audio/ogg-opening'
import { FIRST_BYTES, readOpening, tailPages } from '../../domain/audio/ogg-opening'
import { answeredRange, exactSize } from '../loading/body-size'
import { fetchRecordingEarly } from '../loading/early-fetch'
import { isOggOpus, openingRanges } from './decode-ogg'
import { DecodePool } from './decode-pool'
import { absoluteLink } from './link-lookup'
import type { RangeReply } from './decode-protocol'
import { OPUS_DECODE_RATE } from './decode-protocol'

/** A new linked recording's opening ranges, decoding since the page's first script planned them. */
export interface EarlyOpening extends PlannedOpening {
  /** The size of the download they were planned from. */
  size: number
  pool: DecodePool
  /** Hands each opening range to `place` (those decoded already at once); resolves once all are. */
  decoded(place: (range: RangeReply, index: number) => void): Promise<void>
}

/** The most of the download's first bytes the first script's copy reads for the opening. */
const MOST_FIRST_BYTES = 4 << 20
/** One the app never takes (it opened other files first) is stopped. */
const UNTAKEN_MS = 20_000

const openings = new Map<string, Promise<EarlyOpening | undefined>>()

/**
 * Asks for a recording new to the cache's links from the page's first script (see `main.tsx`)
 * and, once the cache has missed it by its bytes too (`missed`), decodes its opening ranges there
 * if it is Ogg Opus: planned from copies of its download's first bytes and of its tail, they
 * decode while the app's code loads and starts, which on two cores took the opening's first
 * 300–400 ms.
 */
export function openEarly(url: string, missed: Promise<boolean>) {
  const copies = fetchRecordingEarly(url)
  if (!copies) return
  const opening = planned(copies.recording, copies.tail, missed).then(
    (found) => found && decodeEarly(found),
    () => undefined,
  )
  openings.set(absoluteLink(url), opening)
}

/** The early opening of `url`, taken once; undefined when none was started. */
export function takeEarlyOpening(url: string): Promise<EarlyOpening | undefined> | undefined {
  const href = absoluteLink(url)
  const opening = openings.get(href)
  openings.delete(href)
  return opening
}

async function planned(
  recording: Promise<Response>,
  tail: Promise<Response | undefined>,
  missed: Promise<boolean>,
): Promise<(PlannedOpening & { size: number; prefix: Uint8Array<ArrayBuffer> }) | undefined> {
  const response = await recording.catch(() => undefined)
  const body = response?.ok ? response.body : null
  const size = response && exactSize(response, Number(response.headers.get('content-length')))
  const tailBytes = tail
    .then((t) => (t && size ? tailOf(t, size) : undefined))
    .catch(() => undefined)
  if (!body || !size) return undefined
  const reader = new PrefixReader(body.getReader())
  try {
    // Read at once, not after the tail: until then the browser keeps the download for this copy.
    const start = await reader.upTo(Math.min(FIRST_BYTES, size))
    if (!start || !isOggOpus(start)) return undefined
    const last = await tailBytes
    if (!last) return undefined
    const pages = tailPages(last, size - last.length)
    let prefix: Uint8Array<ArrayBuffer> | undefined = start
    const upTo = async (bytes: number) => (prefix = await reader.upTo(bytes))
    const opening = await readOpening(
      upTo,
      pages,
      size,
      OPUS_DECODE_RATE,
      OPENING_RANGES,
      MOST_FIRST_BYTES,
    )
    return opening && prefix && (await missed) ? { ...opening, size, prefix } : undefined
  } catch {
    return undefined
  } finally {
    reader.stop()
  }
}

/** The last bytes of a file of `size`, from a ranged answer; its body is read or let go. */
async function tailOf(response: Response, size: number): Promise<Uint8Array | undefined> {
  const range = answeredRange(response)
  if (range?.last !== size - 1 || range.size !== size) {
    await response.body?.cancel()
    return undefined
  }
  return new Uint8Array(await response.arrayBuffer())
}

function decodeEarly(
  opening: PlannedOpening & { size: number; prefix: Uint8Array<ArrayBuffer> },
): EarlyOpening {
  const pool = new DecodePool()
  const untaken = setTimeout(() => pool.terminate(), UNTAKEN_MS)
  const placed: [RangeReply, number][] = []
  let place: (range: RangeReply, index: number) => void = (range, index) =>
    void placed.push([range, index])
  const ranges = openingRanges(opening, new Blob([opening.prefix]))
  const run = pool.run(ranges, (range, index) => place(range, index))
  // Its failure is reported to the app when it takes the opening.
  run.catch(ignore)
  const { head, plan, size } = opening
  return {
    head,
    plan,
    size,
    pool,
    decoded(to) {
      clearTimeout(untaken)
      for (const [range, index] of placed) to(range, index)
      place = to
      return run
    },
  }
}

/** Reads a body's first bytes into one array, then lets the rest of it go. */
class PrefixReader {
  private bytes = new Uint8Array(new ArrayBuffer(0))
  private length = 0
  private ended = false

  constructor(private readonly reader: ReadableStreamDefaultReader<Uint8Array>) {}

  /** The first `count` bytes, or fewer if the body ends first; undefined if it has none. */
  async upTo(count: number): Promise<Uint8Array<ArrayBuffer> | undefined> {
    while (this.length < count && !this.ended) {
      const { done, value } = await this.reader.read()
      if (done) this.ended = true
      else this.append(value)
    }
    return this.length > 0 ? this.bytes.subarray(0, Math.min(count, this.length)) : undefined
  }

  stop() {
    this.reader.cancel().catch(ignore)
  }

  private append(chunk: Uint8Array) {
    this.bytes = withRoom(this.bytes, this.length + chunk.length, this.length)
    this.bytes.set(chunk, this.length)
    this.length += chunk.length
  }
}

function ignore() {}
