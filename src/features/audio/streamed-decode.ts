import type { Filling } from './decode-peaks'
import type { RecordingKeys } from './content-key'
import { decodeWav, keptWav, rangedWav, sniffWav, WAV_HEAD_BYTES } from './decode-wav'
import { takeEarlyOpening } from './early-opening'
import type { GrowingFile } from './growing-file'
import { firstWordOn } from './link-lookup'
import type { RangesDecoded } from './run-ranges'
import { streamedMp3 } from './streamed-mp3'
import { streamedMp4 } from './streamed-mp4'
import { streamedWebm } from './streamed-webm'
import { decodeStreamedOgg, streamedOpening } from './streamed-ogg'
import type { CachedLink } from './streamed-start'
import { keysByRanges, streamedStart } from './streamed-start'

/** A decode that read its file by ranges brings the file's keys with it. */
export type StreamedDecode = (filling: Filling) => Promise<RangesDecoded & { keys?: RecordingKeys }>

/**
 * How a recording still downloading is decoded as it comes in, or where the cache has it (a
 * reopened link), or undefined when it opens once it is whole (see `streamedStart`; and formats
 * whose ranges cannot be found from the first bytes). Ogg Opus decodes its opening ranges from
 * the first bytes; WAV, MP3, WebM and MP4 with AAC decode every range as soon as its bytes are in, and
 * a WAV too large to keep is read by ranges from its link; any other way of opening it wants it
 * whole. A download the cache has, or whose decode failed, ends there: the recording plays from
 * its link.
 */
export async function streamedDecode(
  file: GrowingFile,
  signal: AbortSignal,
): Promise<StreamedDecode | CachedLink | undefined> {
  try {
    return await chooseDecode(file, signal)
  } finally {
    if (file.holding === 'held') file.keepWhole()
  }
}

async function chooseDecode(
  file: GrowingFile,
  signal: AbortSignal,
): Promise<StreamedDecode | CachedLink | undefined> {
  // The first script plans a new link's opening once its lookup has said the link is new.
  await firstWordOn(file.url)
  const early = await takeEarlyOpening(file.url)
  if (early) {
    // Decoding since the page's first script, from the same link's first bytes and tail.
    if ((await file.sized) === early.size && !signal.aborted)
      return (filling) => decodeStreamedOgg({ ...early, early }, file, signal, filling)
    early.pool.terminate()
  }
  const begun = await streamedStart(file, signal)
  if (!begun || signal.aborted) return undefined
  if ('cached' in begun) {
    // Refuted, the recording opens from its download after all.
    void begun.confirmed.then((same) => same && file.drop())
    return begun
  }
  const opening = await streamedOpening(file, begun, signal)
  if (opening) return (filling) => decodeStreamedOgg(opening, file, signal, filling)
  const compressed =
    (await orWhole(streamedMp4(file, begun, signal))) ??
    (await orWhole(streamedWebm(file, begun, signal))) ??
    (await orWhole(streamedMp3(file, begun, signal)))
  if (compressed || signal.aborted) return compressed
  const head = await file.upTo(Math.min(WAV_HEAD_BYTES, begun.size))
  const wav = head && (await sniffWav(head, begun.size))
  if (!wav || signal.aborted) return undefined
  if (file.holding !== 'held')
    return (filling) => decodeWav(wav, keptWav(file.bytesAt.bind(file)), signal, filling)
  // Its download ends here: a reader that waits for the workers would have the browser hold
  // tens of MB of it ahead. The workers read it by ranges from its link as they reach them.
  file.drop()
  const { url } = file
  return async (filling) => {
    const [decoded, keys] = await Promise.all([
      decodeWav(wav, rangedWav(url, begun.size, signal), signal, filling),
      keysByRanges(url, begun, signal),
    ])
    return keys ? { ...decoded, keys } : decoded
  }
}

/** A layout the page cannot read (a broken box or element) leaves the file to open once whole. */
function orWhole<T>(found: Promise<T | undefined>): Promise<T | undefined> {
  return found.catch((error: unknown) => {
    console.warn('Turnline: the recording opens once downloaded', error)
    return undefined
  })
}
