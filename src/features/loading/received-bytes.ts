import type { GrowingFile, Holding } from '../audio/growing-file'
import type { BytesAt } from '../audio/recording-file'
import { coveringParts } from '../audio/recording-file'
import type { RecordingKeys } from '../audio/content-key'
import { KeySlices } from '../audio/content-key'
import { PartWindow } from './part-window'

/** The opening ranges need a few hundred KB; the rest of a download is the body's, not kept twice. */
const KEPT_BYTES = 2 * 1024 * 1024
/**
 * A WAV larger than this is not kept whole: an hour of it is 230 MB, which the browser would hold
 * for as long as the call is open. It is held (see `Holding`) until its reader chooses.
 */
const HELD_BYTES = 64 * 1024 * 1024
/** Parts a held download holds ahead of its reader's choice: then it waits (`room`). */
const WINDOW_PARTS = 3

/**
 * A download's chunks as they arrive, readable before it ends (`GrowingFile`): the recording's
 * opening seconds decode from its first bytes while the rest comes in. The first `keep` bytes
 * are copied here as they arrive. The body folds the rest into parts every few MB (`fold`):
 * kept as Blobs, which share their bytes, or, for a WAV too large to keep, held until its reader
 * chooses.
 */
export class ReceivedBytes implements GrowingFile {
  readonly whole: Promise<Blob | undefined>
  readonly sized: Promise<number | undefined>
  private chunks: Uint8Array<ArrayBuffer>[] = []
  private loaded = 0
  private kept = 0
  private parts: Blob[] = []
  private readonly held = new PartWindow()
  private folded = 0
  private mode: Holding = 'whole'
  private size: number | undefined
  private slices: KeySlices | undefined
  private failed = false
  private ended = false
  /** Reads waiting for their bytes to come in. */
  private waiting: { bytes: number; resolve: () => void }[] = []
  private roomWaiting: (() => void)[] = []
  private paused = false
  private settle: (blob: Blob | undefined) => void = () => {}
  private settleSize: (size: number | undefined) => void = () => {}
  private settleKeys: (keys: Promise<RecordingKeys> | undefined) => void = () => {}
  private readonly keyed: Promise<RecordingKeys | undefined>
  private readonly unwanted = new AbortController()
  /** Aborted when nothing more is wanted of the download (see `drop`): it ends there. */
  readonly dropped = this.unwanted.signal

  constructor(
    readonly url: string,
    private readonly keep = KEPT_BYTES,
    private readonly heldBytes = HELD_BYTES,
  ) {
    this.whole = new Promise((resolve) => (this.settle = resolve))
    this.sized = new Promise((resolve) => (this.settleSize = resolve))
    this.keyed = new Promise((resolve) => (this.settleKeys = resolve))
  }

  /** The response's headers are in; `size` is its length when no encoding changes it. */
  begin(size: number | undefined) {
    this.size = size
    if (size !== undefined) this.slices = new KeySlices(size)
    this.settleSize(size)
  }

  get holding(): Holding {
    return this.mode
  }

  push(chunk: Uint8Array<ArrayBuffer>) {
    if (this.kept < this.keep) {
      // A copy: the download reads each chunk into a buffer it uses again.
      this.chunks.push(chunk.slice())
      this.kept += chunk.byteLength
    }
    this.slices?.take(chunk, this.loaded)
    this.loaded += chunk.byteLength
    if (this.loaded - chunk.byteLength < 12 && this.loaded >= 12) this.holdIfLargeWav()
    this.wake()
  }

  /**
   * The body filled a buffer with the next bytes: kept as a Blob (which copies them) or held.
   * Gives back the buffer to fill next.
   */
  fold(bytes: Uint8Array<ArrayBuffer>): ArrayBuffer {
    this.folded += bytes.byteLength
    let next = bytes.buffer
    if (this.mode === 'whole') this.parts.push(new Blob([bytes]))
    else if (this.mode === 'held') next = this.held.hold(bytes)
    this.wake()
    return next
  }

  /** The body is all in: `data` is the whole file, or undefined when the download failed. */
  end(data: Blob | undefined) {
    if (this.ended) return
    this.ended = true
    // The whole file has them; a file not kept keeps its first bytes for `upTo`.
    if (this.mode === 'whole') this.chunks = []
    this.failed = data === undefined
    this.settleSize(undefined)
    this.settle(this.failed || this.mode !== 'whole' ? undefined : data)
    // A body that is not the size its headers announced has no keys from them.
    const sized = !this.failed && this.loaded === this.size
    this.settleKeys(sized ? this.slices?.keys() : undefined)
    this.wakeAll()
  }

  /**
   * Whether the body may read on now; otherwise resolves when it may: a held file holds a few
   * parts until its reader chooses, a paused one waits (`pauseUntil`), and both read on while a
   * read is waiting for bytes.
   */
  room(): Promise<void> | undefined {
    if (this.mayRead()) return undefined
    return new Promise((resolve) => this.roomWaiting.push(resolve))
  }

  pauseUntil(ready: Promise<void>) {
    this.paused = true
    void ready.then(() => {
      this.paused = false
      this.letIn()
    })
  }

  /** The Blob the download made, for its query: the whole file, or nothing when not kept. */
  received(): Blob {
    return new Blob(this.mode === 'whole' ? this.parts : [])
  }

  keys(): Promise<RecordingKeys | undefined> {
    return this.keyed
  }

  keepWhole() {
    if (this.mode !== 'held') return
    this.mode = 'whole'
    this.parts = this.held.toBlobs()
    this.letIn()
  }

  drop() {
    this.unwanted.abort()
    this.mode = 'dropped'
    this.parts = []
    this.held.clear()
    this.letIn()
    this.wakeAll()
  }

  /**
   * Where bytes `start` up to `end` lie once they are in: in the whole parts that hold them (see
   * `RecordingFile`); undefined if the download fails first.
   */
  async bytesAt(start: number, end: number): Promise<BytesAt | undefined> {
    await this.until(end)
    if (this.failed || this.mode !== 'whole') return undefined
    // The first bytes may be in before the first part is folded.
    return coveringParts(this.folded >= end ? this.parts : [new Blob(this.chunks)], start, end)
  }

  /** The parts the body was folded into so far, in order: the whole file once it is in. */
  get foldedParts(): readonly Blob[] {
    return this.parts
  }

  async upTo(bytes: number): Promise<Blob | undefined> {
    await this.until(bytes)
    if (this.failed) return undefined
    if (this.chunks.length > 0 && this.kept >= Math.min(bytes, this.loaded))
      return new Blob(this.chunks).slice(0, bytes)
    if (this.ended) return (await this.whole)?.slice(0, bytes)
    return new Blob(this.parts).slice(0, bytes)
  }

  /** A WAV too large to keep is held until its reader says what to do with it (see `Holding`). */
  private holdIfLargeWav() {
    if (this.size === undefined || this.size <= this.heldBytes) return
    const head = this.firstBytes(12)
    const text = (from: number) => String.fromCharCode(...head.subarray(from, from + 4))
    if (text(0) === 'RIFF' && text(8) === 'WAVE') this.mode = 'held'
  }

  private mayRead(): boolean {
    if (this.waiting.length > 0 || this.mode === 'dropped') return true
    return !this.paused && (this.mode !== 'held' || this.held.length < WINDOW_PARTS)
  }

  private letIn() {
    if (!this.mayRead()) return
    const waiting = this.roomWaiting
    this.roomWaiting = []
    for (const resolve of waiting) resolve()
  }

  /** The first `bytes` of the chunks kept as they came (there are at least that many). */
  private firstBytes(bytes: number): Uint8Array<ArrayBuffer> {
    const out = new Uint8Array(bytes)
    let at = 0
    for (const chunk of this.chunks) {
      if (at >= bytes) break
      const piece = chunk.subarray(0, bytes - at)
      out.set(piece, at)
      at += piece.byteLength
    }
    return out
  }

  /** The first `end` bytes are in the parts, or among the chunks kept as they came. */
  private canRead(end: number): boolean {
    return this.folded >= end || (this.loaded >= end && this.kept >= end)
  }

  /** Resolves once the first `bytes` can be read, or the download has ended. */
  private until(bytes: number): Promise<void> {
    if (this.ended || this.mode === 'dropped' || this.canRead(bytes)) return Promise.resolve()
    const read = new Promise<void>((resolve) => this.waiting.push({ bytes, resolve }))
    this.letIn()
    return read
  }

  /** No byte waited for is coming any more: every read waiting learns so now. */
  private wakeAll() {
    for (const waiter of this.waiting) waiter.resolve()
    this.waiting = []
  }

  private wake() {
    const ready = this.waiting.filter((w) => this.canRead(w.bytes))
    if (ready.length === 0) return
    this.waiting = this.waiting.filter((w) => !this.canRead(w.bytes))
    for (const waiter of ready) waiter.resolve()
  }
}
