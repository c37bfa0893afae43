import type { RecordingKeys } from './content-key'
import type { BytesAt, PlacedPart } from './recording-file'

/**
 * How a download is held: `whole`, every byte kept (the page plays its own copy once it is in);
 * `held`, a WAV too large to keep whose first parts wait until its reader chooses (`keepWhole`,
 * or `drop`: it is read by ranges from its link, and plays from there); `dropped`, nothing.
 */
export type Holding = 'whole' | 'held' | 'dropped'

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
  readonly holding: Holding
  /** The first `bytes` bytes once they are in; fewer when the file is shorter; undefined if the download failed. */
  upTo(bytes: number): Promise<Blob | undefined>
  /**
   * The parts the download was folded into so far, in order (see `RecordingFile`): once it is
   * whole, the whole file.
   */
  readonly foldedParts: readonly Blob[]
  /** Bytes `start` up to `end` of a file kept whole, once they are in; undefined if the download fails first. */
  bytesAt(start: number, end: number): Promise<BytesAt | undefined>
  /** The whole file; undefined if the download failed or was cancelled, or the file is not kept. */
  whole: Promise<Blob | undefined>
  /** The file's cache keys once it is all in, from slices kept as it came; undefined if it failed. */
  keys(): Promise<RecordingKeys | undefined>
  /** A held file is kept whole after all. */
  keepWhole(): void
  /**
   * The download reads on only once `ready` settles, or while a read waits for its bytes: a
   * reopen drawn from the cache does not share the page's main thread with it meanwhile.
   */
  pauseUntil(ready: Promise<void>): void
  /**
   * Nothing more is wanted of the file (its decode failed or was abandoned, or the cache had it):
   * its download ends now, and what was kept of it is let go.
   */
  drop(): void
}

/**
 * Once bytes `start` to `end` of `download` are in: every piece of it in hand, which hold them. A
 * worker's demuxer may read a little around what a range needs (mediabunny joins nearby reads),
 * and Blobs cost nothing to pass on.
 */
export async function piecesInHand(
  download: GrowingFile,
  start: number,
  end: number,
): Promise<PlacedPart[]> {
  const at = await download.bytesAt(start, end)
  if (!at) throw new Error('the download of the recording failed')
  const pieces = [...at.pieces]
  let folded = 0
  for (const blob of download.foldedParts) {
    pieces.push({ blob, at: folded })
    folded += blob.size
  }
  return pieces
}
