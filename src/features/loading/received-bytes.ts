import type { GrowingFile } from '../audio/growing-file'
import type { BytesAt } from '../audio/recording-file'
import { coveringParts } from '../audio/recording-file'

/** The opening ranges need a few hundred KB; the rest of a download is the body's, not kept twice. */
const KEPT_BYTES = 2 * 1024 * 1024

/**
 * A download's chunks as they arrive, readable before it ends (`GrowingFile`): the recording's
 * opening seconds decode from its first bytes while the rest comes in. The first `keep` bytes
 * are copied here as they arrive; a longer prefix is made of the parts the body folds its bytes
 * into every few MB (`fold`), which share their bytes.
 */
export class ReceivedBytes implements GrowingFile {
  readonly whole: Promise<Blob | undefined>
  readonly sized: Promise<number | undefined>
  private chunks: Uint8Array<ArrayBuffer>[] = []
  private loaded = 0
  private kept = 0
  private parts: Blob[] = []
  private folded = 0
  private failed = false
  private ended = false
  /** Reads waiting for their bytes to come in. */
  private waiting: { bytes: number; resolve: () => void }[] = []
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

  /** The body folded these bytes, the next after those of the parts before. */
  fold(part: Blob) {
    this.parts.push(part)
    this.folded += part.size
    this.wake()
  }

  /** The body is all in: `data` is the whole file, or undefined when the download failed. */
  end(data: Blob | undefined) {
    if (this.ended) return
    this.ended = true
    this.chunks = []
    this.failed = data === undefined
    this.settleSize(undefined)
    this.settle(data)
    for (const waiter of this.waiting) waiter.resolve()
    this.waiting = []
  }

  /**
   * Where bytes `start` up to `end` lie once they are in: in the whole parts that hold them (see
   * `RecordingFile`); undefined if the download fails first.
   */
  async bytesAt(start: number, end: number): Promise<BytesAt | undefined> {
    await this.until(end)
    if (this.failed) return undefined
    // The first bytes may be in before the first part is folded.
    return coveringParts(this.folded >= end ? this.parts : [new Blob(this.chunks)], start, end)
  }

  /** The parts the body was folded into so far, in order: the whole file once it is in. */
  get foldedParts(): readonly Blob[] {
    return this.parts
  }

  /** The first `end` bytes are in the parts, or among the chunks kept as they came. */
  private canRead(end: number): boolean {
    return this.folded >= end || (this.loaded >= end && this.kept >= end)
  }

  async upTo(bytes: number): Promise<Blob | undefined> {
    await this.until(bytes)
    if (this.ended) return (await this.whole)?.slice(0, bytes)
    return this.prefix(bytes)
  }

  /** Resolves once the first `bytes` can be read, or the download has ended. */
  private until(bytes: number): Promise<void> {
    if (this.ended || this.canRead(bytes)) return Promise.resolve()
    return new Promise((resolve) => this.waiting.push({ bytes, resolve }))
  }

  private wake() {
    const ready = this.waiting.filter((w) => this.canRead(w.bytes))
    if (ready.length === 0) return
    this.waiting = this.waiting.filter((w) => !this.canRead(w.bytes))
    for (const waiter of ready) waiter.resolve()
  }

  /** The first `bytes` of the chunks in so far (they are at least that many). */
  private prefix(bytes: number): Blob {
    if (this.folded >= bytes) return new Blob(this.parts).slice(0, bytes)
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
