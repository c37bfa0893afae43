import { PartBuffers } from './part-buffers'

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

/** A whole part of a download, and the byte of the recording it starts at. */
export interface PlacedPart {
  blob: Blob
  at: number
}

/**
 * A recording still downloading, as far as a worker needs it: the pieces of it in hand (its
 * first bytes, an MP4's `moov`, the parts a range's samples lie in), which may overlap.
 */
export interface PiecedFile {
  size: number
  pieces: readonly PlacedPart[]
}

/** What a worker reads a recording from: in hand whole, or in pieces while it downloads. */
export type RecordingSource = RecordingFile | PiecedFile

/**
 * Where bytes `start` up to `end` of a recording lie: in the whole parts of a download that hold
 * them, or in one slice of a file from disk (`pieces`). A worker reads them, so the page neither
 * reads nor copies them.
 */
export interface BytesAt {
  pieces: PlacedPart[]
  start: number
  end: number
}

/**
 * Bytes `start` up to `end` of a recording copied into `copy` (from its start; it may be longer),
 * which is moved to the worker and back: a file read by ranges is not kept to be read later.
 */
export interface CopiedBytes {
  copy: ArrayBuffer
  start: number
  end: number
}

/** Where a range's bytes are for a worker: named, or copied. */
export type RangeBytes = BytesAt | CopiedBytes

/** The parts that hold bytes `start` to `end`; undefined when the parts end before `end`. */
function partsHolding(parts: readonly Blob[], start: number, end: number) {
  const holding: PlacedPart[] = []
  let at = 0
  for (const part of parts) {
    if (at + part.size > start && at < end) holding.push({ blob: part, at })
    at += part.size
    if (at >= end) return holding
  }
  return undefined
}

/** The whole parts that hold bytes `start` to `end`: no part is cut, none copied. */
export function coveringParts(
  parts: readonly Blob[],
  start: number,
  end: number,
): BytesAt | undefined {
  const pieces = partsHolding(parts, start, end)
  return pieces && { pieces, start, end }
}

/** The pieces that hold bytes from `start` on, one after another, up to `end` at most. */
function piecesFrom(pieces: readonly PlacedPart[], start: number, end: number): BytesAt {
  const chain: PlacedPart[] = []
  let at = start
  while (at < end) {
    let next: PlacedPart | undefined
    for (const piece of pieces) {
      const pieceEnd = piece.at + piece.blob.size
      if (piece.at <= at && pieceEnd > at && (!next || pieceEnd > next.at + next.blob.size))
        next = piece
    }
    if (!next) break
    chain.push(next)
    at = next.at + next.blob.size
  }
  return { pieces: chain, start, end: Math.max(start, Math.min(end, at)) }
}

/** Bytes `start` to `end` of a recording in hand, for a worker to read. */
export function bytesAt(file: RecordingFile, start: number, end: number): BytesAt | undefined {
  if (file.parts) return coveringParts(file.parts, start, end)
  if (end > file.blob.size) return undefined
  return { pieces: [{ blob: file.blob.slice(start, end), at: start }], start, end }
}

/**
 * Copies the bytes `at` names into `out` (at least `at.end - at.start` long), each piece read
 * through `buffers` under the key `keyOf` gives it.
 */
export async function copyBytes(
  at: BytesAt,
  out: Uint8Array,
  buffers: PartBuffers,
  keyOf: (piece: PlacedPart) => unknown,
): Promise<void> {
  for (const piece of at.pieces) {
    const from = Math.max(at.start, piece.at)
    const to = Math.min(at.end, piece.at + piece.blob.size)
    await buffers.with(keyOf(piece), piece.blob, (bytes) =>
      out.set(bytes.subarray(from - piece.at, to - piece.at), from - at.start),
    )
  }
}

/** Reads byte ranges of a file of `size` bytes, each into a buffer of its own. */
export interface RangeReader {
  readonly size: number
  read(start: number, end: number): Promise<Uint8Array<ArrayBuffer>>
}

/**
 * Reads byte ranges of a recording. A download's parts are read whole into buffers used again
 * (`PartBuffers`): ranges are read in order, and the next one mostly starts in the part read last.
 */
export class RecordingReader implements RangeReader {
  private readonly buffers = new PartBuffers()

  constructor(private file: RecordingSource) {}

  get size(): number {
    return 'pieces' in this.file ? this.file.size : this.file.blob.size
  }

  /** The same recording with more of it in hand (a download's later pieces). */
  update(file: RecordingSource) {
    this.file = file
  }

  /**
   * Bytes `start` up to `end`, clipped to the file's end; of a file in pieces, as many of them
   * as its pieces hold one after another from `start`.
   */
  async read(start: number, end: number): Promise<Uint8Array<ArrayBuffer>> {
    const to = Math.min(end, this.size)
    if ('pieces' in this.file) return this.copied(piecesFrom(this.file.pieces, start, to))
    const { blob, parts } = this.file
    if (!parts) return new Uint8Array(await blob.slice(start, to).arrayBuffer())
    const at = coveringParts(parts, start, to)
    if (!at) throw new Error(`the recording ends before byte ${to}`)
    return this.copied(at)
  }

  private async copied(at: BytesAt): Promise<Uint8Array<ArrayBuffer>> {
    const out = new Uint8Array(Math.max(0, at.end - at.start))
    await copyBytes(at, out, this.buffers, (piece) => piece.blob)
    return out
  }
}
