import type { TimeRange } from '../../domain/audio/decode-ranges'
import { planTimeRanges } from '../../domain/audio/decode-ranges'
import { looksLikeMpeg } from '../../domain/audio/mpeg-frames'
import { mp4SoundFacts } from '../../domain/audio/mp4-facts'
import { findMoovBox } from '../../domain/audio/mp4-samples'
import type { Filling } from './decode-peaks'
import type { GrowingFile } from './growing-file'
import { piecesInHand } from './growing-file'
import { DecodePool } from './decode-pool'
import type { MediaFile } from './decode-protocol'
import type { PiecedFile, RecordingFile, RecordingSource } from './recording-file'
import type { RangesDecoded } from './run-ranges'
import { runRanges } from './run-ranges'

let lastFileId = 0

/**
 * Every other format: one worker probes the file (duration, channels), then both take ranges;
 * an MP4 says both in its sample table, and both workers start on ranges at once. An MP3 goes
 * to libmpg123 without mediabunny, which a worker then never loads.
 */
export async function decodeMedia(
  recording: RecordingFile,
  signal: AbortSignal,
  filling: Filling,
): Promise<RangesDecoded> {
  const head = new Uint8Array(await recording.blob.slice(0, 10).arrayBuffer())
  const file: MediaFile = newMediaFile(recording)
  if (looksLikeMpeg(head)) file.mpeg = true
  const moov = await moovOf(recording.blob)
  const known = moov && mp4SoundFacts(moov)
  return decodeMediaRanges(file, () => file, signal, filling, known)
}

/** A `moov` larger than this is left to the probe: a broken box header may claim gigabytes. */
const MOST_MOOV_BYTES = 64 << 20

/** An MP4's `moov` box (see `findMoovBox`); undefined for any other file. */
function moovOf(blob: Blob): Promise<Uint8Array | undefined> {
  const read = async (start: number, end: number) =>
    end - start > MOST_MOOV_BYTES
      ? undefined
      : new Uint8Array(await blob.slice(start, end).arrayBuffer())
  // A file that could not be read: the probe says so.
  return findMoovBox(blob.size, read).catch(() => undefined)
}

/** How long a recording plays, and its channels. */
export interface AudioFacts {
  duration: number
  channels: number
}

/**
 * Probes `probed` on one worker (unless its `known` facts came from its first bytes), then
 * decodes every time range on both, each range's job reading the recording as `fileFor` gives it
 * once the range is handed out (a download still coming in gives the pieces that range needs,
 * once they are in).
 */
export async function decodeMediaRanges(
  probed: MediaFile,
  fileFor: (range: TimeRange, last: boolean) => MediaFile | Promise<MediaFile>,
  signal: AbortSignal,
  filling: Filling,
  known?: AudioFacts,
): Promise<RangesDecoded> {
  const pool = new DecodePool()
  const stop = () => pool.terminate()
  signal.addEventListener('abort', stop, { once: true })
  try {
    const { duration, channels } = known ?? (await probedFacts(pool, probed))
    if (!(duration > 0) || channels < 1) throw new Error('no audio in the file')
    const planned = planTimeRanges(duration)
    const ranges = planned.map((r, i) => {
      const last = i === planned.length - 1
      return {
        ...r,
        job: async () => {
          const file = await fileFor(r, last)
          return { kind: 'media' as const, file, fromS: r.fromS, toS: r.toS, last }
        },
      }
    })
    return await runRanges(pool, ranges, channels, duration, signal, filling)
  } finally {
    signal.removeEventListener('abort', stop)
    pool.terminate()
  }
}

/**
 * A recording still downloading: each range's job waits until the bytes `spanOf` names are in,
 * then gives its worker the pieces `probed` has (read apart from the download: its first bytes,
 * an MP4's table, a WebM's cues) and every piece of the download in hand.
 */
export function decodeDownloading(
  download: GrowingFile,
  probed: MediaFile & PiecedFile,
  spanOf: (range: TimeRange, last: boolean) => { start: number; end: number },
  signal: AbortSignal,
  filling: Filling,
  known?: AudioFacts,
): Promise<RangesDecoded> {
  const fileFor = async (range: TimeRange, last: boolean) => {
    const { start, end } = spanOf(range, last)
    const pieces = await piecesInHand(download, start, end)
    return { ...probed, pieces: [...probed.pieces, ...pieces] }
  }
  return decodeMediaRanges(probed, fileFor, signal, filling, known)
}

/** The recording's facts as a worker finds them; an MP3's frames go with its later jobs. */
async function probedFacts(pool: DecodePool, probed: MediaFile): Promise<AudioFacts> {
  const probe = await pool.request({ kind: 'probe', file: probed })
  if (!probe.ok) throw new Error(probe.error)
  if (probe.kind !== 'probe') throw new Error('unexpected reply to a probe')
  const { frames } = probe.facts
  if (frames) probed.frames = frames
  return probe.facts
}

/** A recording the workers have not seen: its id keeps each worker's demuxer apart from others'. */
export function newMediaFile<Source extends RecordingSource>(
  source: Source,
): Source & { id: number } {
  return { id: ++lastFileId, ...source }
}
