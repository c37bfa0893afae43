import type { GrowingFile } from '../audio/growing-file'

/** The opening ranges need a few hundred KB; the rest of a download is the body's, not kept twice. */
const KEPT_BYTES = 2 * 1024 * 1024

/**
 * A download's chunks as they arrive, readable before it ends (`GrowingFile`): the recording's
 * opening seconds decode from its first bytes while the rest comes in. Only the first `keep`
 * bytes are held here; a longer prefix is read from the whole file once it is in.
 */
export class ReceivedBytes implements GrowingFile {
  readonly whole: Promise<Blob | undefined>
  readonly sized: Promise<number | undefined>
  private chunks: Uint8Array<ArrayBuffer>[] = []
  private loaded = 0
  private kept = 0
  private ended = false
  private waiting: { bytes: number; resolve: (blob: Blob | undefined) => void }[] = []
  private settle: (blob: Blob | undefined) => void = () => {}
  private settleSize: (size: number | undefined) => void = () => {}

  constructor(
    readonly url: string,
    private readonly keep = KEPT_BYTES,
  ) {
    this.whole = new Promise((resolve) => (this.settle = resolve))
    this.sized = new Promise((resolve) => (this.settleSize = resolve))
  }

  /** The response's headers are in; `size` is its length when no encoding changes it. */
  begin(size: number | undefined) {
    this.settleSize(size)
  }

  push(chunk: Uint8Array<ArrayBuffer>) {
    if (this.kept < this.keep) {
      // A copy: the download reads each chunk into a buffer it uses again.
      this.chunks.push(chunk.slice())
      this.kept += chunk.byteLength
    }
    this.loaded += chunk.byteLength
    this.wake()
  }

  /** The body is all in: `data` is the whole file, or undefined when the download failed. */
  end(data: Blob | undefined) {
    if (this.ended) return
    this.ended = true
    this.chunks = []
    this.settleSize(undefined)
    this.settle(data)
    for (const waiter of this.waiting) waiter.resolve(data && data.slice(0, waiter.bytes))
    this.waiting = []
  }

  upTo(bytes: number): Promise<Blob | undefined> {
    if (this.ended) return this.whole.then((data) => data?.slice(0, bytes))
    if (this.canGive(bytes)) return Promise.resolve(this.prefix(bytes))
    return new Promise((resolve) => this.waiting.push({ bytes, resolve }))
  }

  private canGive(bytes: number): boolean {
    return this.loaded >= bytes && this.kept >= bytes
  }

  private wake() {
    const ready = this.waiting.filter((w) => this.canGive(w.bytes))
    if (ready.length === 0) return
    this.waiting = this.waiting.filter((w) => !this.canGive(w.bytes))
    for (const waiter of ready) waiter.resolve(this.prefix(waiter.bytes))
  }

  /** The first `bytes` of the chunks in so far (they are at least that many). */
  private prefix(bytes: number): Blob {
    const parts: Uint8Array<ArrayBuffer>[] = []
    let taken = 0
    for (const chunk of this.chunks) {
      if (taken >= bytes) break
      parts.push(chunk)
      taken += chunk.byteLength
    }
    return new Blob(parts).slice(0, bytes)
  }
}
