import type { TimeRange } from '../../domain/audio/decode-ranges'
import type { WebmCues, WebmHead } from '../../domain/audio/webm-layout'
import { clusterSpan, readElement, webmCues, webmHead } from '../../domain/audio/webm-layout'
import type { Filling } from './decode-peaks'
import { decodeDownloading, newMediaFile } from './decode-media'
import { PREROLL_S } from './decode-protocol'
import type { GrowingFile } from './growing-file'
import type { PlacedPart } from './recording-file'
import type { RangesDecoded } from './run-ranges'
import type { StreamedStart } from './streamed-start'
import { bytesToEnd } from './streamed-start'

/** Codecs whose packets the workers take from mediabunny, cluster by cluster. */
const CODECS = ['A_OPUS', 'A_VORBIS']
/** Around a range, cues may be a block's length off: its clusters are taken that much wider. */
const SLACK_S = 0.5

/**
 * Decodes a linked WebM (Egress writes WebM too) as it downloads: its head says how long it plays
 * and where its `Cues` are, read in one range from the file's end, and the cues say which
 * clusters hold each time range, so each range is decoded once its clusters are in, instead of
 * after the whole download. Undefined for any other file, and for a WebM with no duration or
 * cues (a live recording not finalised): those open once whole.
 */
export async function streamedWebm(
  file: GrowingFile,
  begun: StreamedStart,
  signal: AbortSignal,
): Promise<((filling: Filling) => Promise<RangesDecoded>) | undefined> {
  const head = webmHead(new Uint8Array(await begun.start.arrayBuffer()))
  if (!head || !CODECS.includes(head.codec)) return undefined
  const cuesBytes = await readCues(file.url, begun, head, signal)
  const cues = cuesBytes && webmCues(cuesBytes, head)
  if (!cuesBytes || !cues) return undefined
  const known: PlacedPart[] = [
    { blob: begun.start, at: 0 },
    { blob: new Blob([cuesBytes]), at: head.cuesAt },
    { blob: new Blob([begun.tail.slice()]), at: begun.tailStart },
  ]
  return (filling) => decodeStreamedWebm(head, cues, known, begun.size, file, signal, filling)
}

/** The `Cues` element's bytes, from the tail in hand or by one ranged read to the file's end. */
async function readCues(
  url: string,
  begun: StreamedStart,
  { cuesAt }: WebmHead,
  signal: AbortSignal,
): Promise<Uint8Array<ArrayBuffer> | undefined> {
  const bytes = await bytesToEnd(url, begun, cuesAt, signal)
  const cues = bytes && readElement(bytes, 0)
  if (!bytes || !cues?.end || cues.end > bytes.length) return undefined
  return bytes.slice(0, cues.end)
}

/**
 * Every range's job gives the workers the pieces of the download their demuxer reads: the head,
 * the cues, the tail, and the parts in hand once the clusters that hold the range are among them.
 */
function decodeStreamedWebm(
  head: WebmHead,
  cues: WebmCues,
  known: PlacedPart[],
  size: number,
  download: GrowingFile,
  signal: AbortSignal,
  filling: Filling,
): Promise<RangesDecoded> {
  const spanOf = ({ fromS, toS }: TimeRange, last: boolean) =>
    clusterSpan(cues, fromS - PREROLL_S - SLACK_S, last ? Infinity : toS + SLACK_S, size)
  const probed = newMediaFile({ size, pieces: known })
  return decodeDownloading(download, probed, spanOf, signal, filling, head)
}
