import { errorText } from '../../domain/error-text'
import { FeatureAccumulator } from '../../domain/audio/features'
import type { PackedFeatures } from '../../domain/audio/packed-features'
import { packFeatures } from '../../domain/audio/packed-features'
import { binPeaks, stereoUserOnset } from '../../domain/audio/peaks'
import type { PlacedBins } from '../../domain/audio/range-assembly'
import type { RecordingKeys } from './content-key'
import type { CachedLink } from './streamed-start'
import { contentKey, probeKey } from './content-key'
import { decodeOggOpus, EmptyRecordingError, sniffOggOpus } from './decode-ogg'
import { decodeMedia } from './decode-media'
import { decodeWav, keptWav, sniffWav } from './decode-wav'
import { warmDecodeWorkers } from './decode-pool'
import type { CachedPeaks } from './peaks-cache'
import { openPeaksCache, readFeatures, readPeaks, touchEntry, writeCache } from './peaks-cache'
import type { PeaksSource } from './peaks-progress'
import { usePeaksProgress, whenShown } from './peaks-progress'
import { nextTask } from '../loading/next-task'
import type { RecordingFile } from './recording-file'
import { bytesAt } from './recording-file'
import type { StreamedDecode } from './streamed-decode'

/** 16 kHz keeps what the alignment features need (up to 8 kHz) and no more. */
const DECODE_SAMPLE_RATE = 16_000
/** `decodeAudioData` holds the whole file decoded: only for what the workers cannot read, and short. */
export const BROWSER_DECODE_MAX_S = 600
// A redraw of a 1 h waveform at fit width walks all its bins: once a second is plenty while filling.
const REDRAW_EVERY_MS = 1000

export interface DecodedAudio {
  peaks: Float32Array[]
  duration: number
  channels: number
  /** Seconds into the file where the first channel first carries speech. */
  firstUserOnset?: number
  /** Computed in the same pass as the peaks, for the audio alignment; read by the workers. */
  features?: PackedFeatures
}

export interface PeaksSession {
  /** The opening seconds are in: enough to draw and to place the call. Arrays keep filling. */
  first: Promise<DecodedAudio>
  /** Every range is in (or the cache had it all). */
  done: Promise<DecodedAudio>
}

/** What a decoder reports while it fills a recording's peaks. */
export interface Filling {
  /** The arrays exist (full length); called once, before any `update`. */
  start(peaks: Float32Array[], duration: number, channels: number, placed?: PlacedBins): void
  update(fraction: number): void
  /** The opening seconds are in: `fraction` of the recording is drawn. */
  opening(fraction: number): void
}

/**
 * Peaks (and alignment features) of a recording: from the cache when this content was decoded
 * before, else from the decode workers, streamed; `decodeAudioData` only as a last resort.
 */
export function startPeaks(
  file: RecordingFile,
  signal: AbortSignal,
  mediaDuration: () => Promise<number>,
  download: Download = {},
): PeaksSession {
  return session((onFirst) => run(file, signal, mediaDuration, onFirst, download))
}

/** What a download knows of the file it made: its keys, made as the bytes went by, and its link. */
export interface Download {
  keys?: Promise<RecordingKeys | undefined> | undefined
  link?: string | undefined
}

/** Peaks found in the cache by a reopened link (see `CachedLink`): nothing is decoded. */
export function startCachedPeaks({ cached, keys }: CachedLink, signal: AbortSignal): PeaksSession {
  return session((onFirst) => {
    publisher(signal)(NOT_STARTED)
    return fromCache(cached, keys.key, signal, onFirst)
  })
}

/** The waveform draws now; the larger features join when they are read. */
async function fromCache(
  cached: CachedPeaks,
  key: string,
  signal: AbortSignal,
  onFirst: (audio: DecodedAudio) => void,
): Promise<DecodedAudio> {
  performance.mark('peaks:cache-hit')
  publisher(signal)({
    peaks: cached.peaks,
    version: 1,
    fraction: 1,
    complete: true,
    source: 'cache',
  })
  onFirst(cached)
  await whenShown(cached.peaks)
  const features = signal.aborted ? undefined : await readFeatures(key)
  return features ? { ...cached, features } : cached
}

/**
 * Peaks of a recording decoded while it downloads from `link` (`decode`; the cache cannot hold
 * it): the opening draws before the rest is in.
 */
export function startStreamedPeaks(
  decode: StreamedDecode,
  keys: () => Promise<RecordingKeys | undefined>,
  link: string,
  signal: AbortSignal,
): PeaksSession {
  return session(async (onFirst) => {
    publisher(signal)(NOT_STARTED)
    const progress = progressOf(signal, onFirst)
    const { keys: read, ...decoded } = await decode(progress.filling('workers'))
    const known = read ?? (await keys())
    if (!known) throw new Error('the download of the recording failed')
    return progress.finish({ ...decoded, cacheable: true }, { ...known, link })
  })
}

function session(
  decode: (onFirst: (audio: DecodedAudio) => void) => Promise<DecodedAudio>,
): PeaksSession {
  let resolveFirst: (audio: DecodedAudio) => void = () => {}
  let rejectFirst: (error: unknown) => void = () => {}
  const first = new Promise<DecodedAudio>((resolve, reject) => {
    resolveFirst = resolve
    rejectFirst = reject
  })
  const done = decode(resolveFirst)
  done.then(resolveFirst, rejectFirst)
  // `first` carries the failure to the caller; `done` is only awaited once `first` succeeded.
  done.catch(() => {})
  return { first, done }
}

/** A new recording's progress before its decode or cache read has given it peaks. */
const NOT_STARTED = {
  peaks: undefined,
  placed: undefined,
  version: 0,
  fraction: 0,
  complete: false,
  stopped: undefined,
  shown: undefined,
}

type Publish = (patch: Partial<ReturnType<typeof usePeaksProgress.getState>>) => void

function publisher(signal: AbortSignal): Publish {
  return (patch) => {
    if (!signal.aborted) usePeaksProgress.setState(patch)
  }
}

async function run(
  file: RecordingFile,
  signal: AbortSignal,
  mediaDuration: () => Promise<number>,
  onFirst: (audio: DecodedAudio) => void,
  { keys = Promise.resolve(undefined), link }: Download,
): Promise<DecodedAudio> {
  const publish = publisher(signal)
  publish(NOT_STARTED)
  openPeaksCache()
  // A download made its keys from slices as they went by; anything else is read for them now.
  const known = await keys.catch(() => undefined)
  const key = known?.key ?? (await contentKey(file.blob).catch(() => undefined))
  // Once for the cache's read and its write; a failure is only ever awaited with a fallback.
  const probe = known ? Promise.resolve(known.probe) : probeOf(file.blob)
  probe.catch(() => {})
  const size = file.blob.size
  const cached = key ? await readPeaks(key) : undefined
  if (signal.aborted) throw new Error('decode abandoned')
  if (cached && key) {
    void probe.then((p) => touchEntry(key, { probe: p, size, link })).catch(() => {})
    return fromCache(cached, key, signal, onFirst)
  }

  warmDecodeWorkers()
  const progress = progressOf(signal, onFirst)
  const decoded = await decodeAny(file, signal, mediaDuration, progress.filling)
  return progress.finish(decoded, { key, probe, size, ...(link ? { link } : {}) })
}

/** What a decode reports as it fills the peaks, and how it ends: the last draw, the cache write. */
function progressOf(signal: AbortSignal, onFirst: (audio: DecodedAudio) => void) {
  const publish = publisher(signal)
  let state: { peaks: Float32Array[]; duration: number; channels: number } | undefined
  let lastDraw = 0
  let version = 0
  const filling = (source: PeaksSource): Filling => ({
    start(peaks, duration, channels, placed) {
      state = { peaks, duration, channels }
      publish({ peaks, placed, version: ++version, fraction: 0, complete: false, source })
    },
    update(fraction) {
      const now = performance.now()
      if (now - lastDraw < REDRAW_EVERY_MS) return
      lastDraw = now
      publish({ version: ++version, fraction })
    },
    opening(fraction) {
      if (!state) return
      performance.mark('peaks:first')
      publish({ version: ++version, fraction })
      onFirst(withOnset(state))
    },
  })
  /**
   * `known` holds the file's cache key (none when it could not be read), probe and size, and the
   * link it was downloaded from, if it was.
   */
  const finish = (
    decoded: Decoded,
    known: {
      key: string | undefined
      probe: string | Promise<string>
      size: number
      link?: string
    },
  ): DecodedAudio => {
    performance.mark('peaks:complete')
    const audio = withOnset(decoded.audio)
    publish({ version: ++version, fraction: 1, complete: true })
    const { key } = known
    if (key && decoded.cacheable) {
      const entry: CachedPeaks = {
        duration: audio.duration,
        channels: audio.channels,
        peaks: audio.peaks,
        ...(audio.firstUserOnset !== undefined ? { firstUserOnset: audio.firstUserOnset } : {}),
      }
      // Packing the features for the cache is a task of its own, not part of the last redraw's.
      const probe = Promise.resolve(known.probe).catch(() => undefined)
      void nextTask().then(async () =>
        writeCache(key, entry, decoded.features, {
          probe: await probe,
          size: known.size,
          link: known.link,
        }),
      )
    }
    return decoded.features ? { ...audio, features: decoded.features } : audio
  }
  return { filling, finish }
}

function probeOf(file: Blob): Promise<string> {
  return probeKey(file.size, (span) => file.slice(span.start, span.end))
}

interface Decoded {
  audio: { peaks: Float32Array[]; duration: number; channels: number }
  features?: PackedFeatures
  cacheable: boolean
}

async function decodeAny(
  file: RecordingFile,
  signal: AbortSignal,
  mediaDuration: () => Promise<number>,
  filling: (source: PeaksSource) => Filling,
): Promise<Decoded> {
  const errors: string[] = []
  const opus = await sniffOggOpus(file.blob)
  if (opus) {
    try {
      return { ...(await decodeOggOpus(file, signal, filling('workers'))), cacheable: true }
    } catch (error) {
      // Another decoder would only read the claimed duration of an empty file, as a silent one.
      if (signal.aborted || error instanceof EmptyRecordingError) throw error
      errors.push(errorText(error))
    }
  }
  const wav = await sniffWav(file.blob, file.blob.size)
  if (wav) {
    try {
      const source = keptWav((start, end) => bytesAt(file, start, end))
      const decoded = await decodeWav(wav, source, signal, filling('workers'))
      return { ...decoded, cacheable: true }
    } catch (error) {
      if (signal.aborted || error instanceof EmptyRecordingError) throw error
      errors.push(errorText(error))
    }
  }
  try {
    return { ...(await decodeMedia(file, signal, filling('workers'))), cacheable: true }
  } catch (error) {
    if (signal.aborted) throw error
    errors.push(errorText(error))
  }
  const duration = await mediaDuration().catch(() => undefined)
  if (duration === undefined || duration > BROWSER_DECODE_MAX_S) throw new Error(errors.join('; '))
  console.warn('Turnline: decoding in the browser instead of the workers:', errors.join('; '))
  const decoded = await decodeInBrowser(await file.blob.arrayBuffer())
  const { audio } = decoded
  filling('browser').start(audio.peaks, audio.duration, audio.channels)
  return { ...decoded, cacheable: false }
}

function withOnset(audio: {
  peaks: Float32Array[]
  duration: number
  channels: number
}): DecodedAudio {
  const onset = stereoUserOnset(audio.peaks)
  return onset === undefined ? { ...audio } : { ...audio, firstUserOnset: onset }
}

async function decodeInBrowser(data: ArrayBuffer) {
  const context = new OfflineAudioContext({
    numberOfChannels: 2,
    length: 1,
    sampleRate: DECODE_SAMPLE_RATE,
  })
  const buffer = await context.decodeAudioData(data)
  const peaks = Array.from({ length: buffer.numberOfChannels }, (_, c) =>
    binPeaks(buffer.getChannelData(c), buffer.sampleRate),
  )
  const channels = Array.from({ length: buffer.numberOfChannels }, (_, c) =>
    buffer.getChannelData(c),
  )
  const accumulator = new FeatureAccumulator(channels.length, buffer.sampleRate)
  accumulator.push(channels, buffer.length)
  const features = packFeatures(accumulator.result())
  const audio = { peaks, duration: buffer.duration, channels: buffer.numberOfChannels }
  return features ? { audio, features } : { audio }
}
