/** A part held in the window: bytes `at` to `at + bytes.length` of the file. */
export interface HeldPart {
  at: number
  bytes: Uint8Array<ArrayBuffer>
}

/** Buffers kept for the next parts once theirs were read: more would only wait to be collected. */
const SPARE_BUFFERS = 2

/**
 * The parts of a download not kept whole, from the first one not yet read on, in buffers used
 * again once read: a download passing through allocates a few buffers, not one per part.
 */
export class PartWindow {
  private held: HeldPart[] = []
  private spare: ArrayBuffer[] = []

  /** Parts held. */
  get length(): number {
    return this.held.length
  }

  /** Holds the next part, bytes `at` on; gives back a buffer for the body to fill next. */
  hold(at: number, bytes: Uint8Array<ArrayBuffer>): ArrayBuffer {
    this.held.push({ at, bytes })
    return this.spare.pop() ?? new ArrayBuffer(bytes.buffer.byteLength)
  }

  /** Lets go of the parts wholly before byte `start`: they were read. */
  release(start: number) {
    while (this.held[0] && this.held[0].at + this.held[0].bytes.byteLength <= start) {
      const part = this.held.shift()!
      if (this.spare.length < SPARE_BUFFERS) this.spare.push(part.bytes.buffer)
    }
  }

  /** Copies bytes `start` up to `end` into `into`; throws if some were let go. */
  copy(start: number, end: number, into: Uint8Array) {
    copyParts(this.held, start, end, into)
  }

  /** The held parts as Blobs, in order; the window is emptied. */
  toBlobs(): Blob[] {
    const blobs = this.held.map((part) => new Blob([part.bytes]))
    this.clear()
    return blobs
  }

  clear() {
    this.held = []
    this.spare = []
  }
}

/** Copies bytes `start` up to `end` from `parts`, in order, into `into`; throws if some are not there. */
export function copyParts(
  parts: readonly HeldPart[],
  start: number,
  end: number,
  into: Uint8Array,
) {
  let copied = start
  for (const { at, bytes } of parts) {
    const from = Math.max(copied, at)
    const to = Math.min(end, at + bytes.byteLength)
    if (to <= from) continue
    if (from !== copied) break
    into.set(bytes.subarray(from - at, to - at), from - start)
    copied = to
  }
  if (copied < end) throw new Error(`bytes ${start}–${end} were let go before they were read`)
}
