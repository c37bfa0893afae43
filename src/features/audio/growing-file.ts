import type { BytesAt } from './recording-file'

/**
 * A recording still downloading: its first bytes can be read before the rest is in. Made by the
 * linked-call loader from the response body it reads chunk by chunk.
 */
export interface GrowingFile {
  /** Where it is downloaded from; a ranged read of its tail goes there too. */
  url: string
  /**
   * Its size in bytes once the response's headers are in, when they announce one it can be
   * trusted for (no encoding); undefined otherwise, or if the download failed first.
   */
  sized: Promise<number | undefined>
  /** The first `bytes` bytes once they are in; fewer when the file is shorter; undefined if the download failed. */
  upTo(bytes: number): Promise<Blob | undefined>
  /**
   * The parts the download was folded into so far, in order (see `RecordingFile`): once it is
   * whole, the whole file.
   */
  readonly foldedParts: readonly Blob[]
  /** Bytes `start` up to `end` once they are in; undefined if the download fails first. */
  bytesAt(start: number, end: number): Promise<BytesAt | undefined>
  /** The whole file; undefined if the download failed or was cancelled. */
  whole: Promise<Blob | undefined>
}
