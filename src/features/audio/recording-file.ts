/**
 * A recording in hand. A download is a Blob made of the parts its body was folded into, and a
 * slice of it that cuts through a part makes the browser copy the bytes it keeps of that part,
 * until the slice is collected: slices read for every range of a downloaded hour held a second
 * copy of much of it. So a download's ranges are read from whole parts.
 */
export interface RecordingFile {
  blob: Blob
  /** The parts `blob` is made of, in order; none for a file from disk, which slices freely. */
  parts?: readonly Blob[]
}

/**
 * Where a range's bytes lie: in `blob`, from `offset` on. A worker reads them from it, so the
 * page neither reads nor copies them.
 */
export interface BytesAt {
  blob: Blob
  offset: number
}

/**
 * The parts that hold bytes `start` to `end`, each with the byte it starts at; undefined when
 * the parts end before `end`.
 */
function partsHolding(parts: readonly Blob[], start: number, end: number) {
  const holding: { part: Blob; at: number }[] = []
  let at = 0
  for (const part of parts) {
    if (at + part.size > start && at < end) holding.push({ part, at })
    at += part.size
    if (at >= end) return holding
  }
  return undefined
}

/** The whole parts that hold bytes `start` to `end`, as one Blob: no part is cut, none copied. */
export function coveringParts(
  parts: readonly Blob[],
  start: number,
  end: number,
): BytesAt | undefined {
  const holding = partsHolding(parts, start, end)
  if (!holding) return undefined
  const offset = holding[0] ? start - holding[0].at : 0
  return { blob: new Blob(holding.map((h) => h.part)), offset }
}

/** Bytes `start` to `end` of a recording in hand, for a worker to read. */
export function bytesAt(file: RecordingFile, start: number, end: number): BytesAt | undefined {
  if (file.parts) return coveringParts(file.parts, start, end)
  return end <= file.blob.size ? { blob: file.blob.slice(start, end), offset: 0 } : undefined
}

/** Reads byte ranges of a file of `size` bytes, each into a buffer of its own. */
export interface RangeReader {
  readonly size: number
  read(start: number, end: number): Promise<Uint8Array<ArrayBuffer>>
}

/**
 * Reads byte ranges of a recording. The last part read is kept: ranges are read in order, and
 * the next one mostly starts in it.
 */
export class RecordingReader implements RangeReader {
  private last: { part: Blob; bytes: Promise<ArrayBuffer> } | undefined

  constructor(private readonly file: RecordingFile) {}

  get size(): number {
    return this.file.blob.size
  }

  /** Bytes `start` up to `end`, clipped to the file's end. */
  async read(start: number, end: number): Promise<Uint8Array<ArrayBuffer>> {
    const { blob, parts } = this.file
    const to = Math.min(end, blob.size)
    if (!parts) return new Uint8Array(await blob.slice(start, to).arrayBuffer())
    return this.fromParts(parts, start, to)
  }

  private async fromParts(parts: readonly Blob[], start: number, end: number) {
    const holding = partsHolding(parts, start, end)
    if (!holding) throw new Error(`the recording ends before byte ${end}`)
    const out = new Uint8Array(Math.max(0, end - start))
    for (const { part, at } of holding) {
      const bytes = new Uint8Array(await this.partBytes(part))
      const from = Math.max(start, at)
      out.set(bytes.subarray(from - at, Math.min(end, at + part.size) - at), from - start)
    }
    return out
  }

  private partBytes(part: Blob): Promise<ArrayBuffer> {
    if (this.last?.part !== part) this.last = { part, bytes: part.arrayBuffer() }
    return this.last.bytes
  }
}
