/**
 * The parts of a held download (see `Holding`), in order, until its reader chooses: kept whole
 * (`toBlobs`) or dropped (`clear`). Each is held in the buffer the body filled; the body gets a
 * new one for the next.
 */
export class PartWindow {
  private held: Uint8Array<ArrayBuffer>[] = []

  /** Parts held. */
  get length(): number {
    return this.held.length
  }

  /** Holds the next part; gives back a buffer for the body to fill next. */
  hold(bytes: Uint8Array<ArrayBuffer>): ArrayBuffer {
    this.held.push(bytes)
    return new ArrayBuffer(bytes.buffer.byteLength)
  }

  /** The held parts as Blobs, in order; the window is emptied. */
  toBlobs(): Blob[] {
    const blobs = this.held.map((part) => new Blob([part]))
    this.clear()
    return blobs
  }

  clear() {
    this.held = []
  }
}
