import { errorText } from '../../domain/error-text'
import { PEAKS_PER_SECOND } from '../../domain/audio/peaks'
import { looksLikeWebPage, WEB_PAGE_INSTEAD } from '../../domain/web-page'
import type { Problem } from '../../domain/problems'
import { errorProblem, warningProblem } from '../../domain/problems'
import type { LoadedAudio } from '../../store/call-store'
import { replaceInputs, useCallStore } from '../../store/call-store'
import type { RecordingKeys } from './content-key'
import type { DecodedAudio } from './decode-peaks'
import { startCachedPeaks, startPeaks, startStreamedPeaks } from './decode-peaks'
import { EmptyRecordingError } from './decode-ogg'
import { usePeaksProgress, whenShown } from './peaks-progress'
import type { GrowingFile } from './growing-file'
import { StreamedPlanMismatch } from './streamed-ogg'
import { streamedDecode } from './streamed-decode'
import { openingSettled } from './decode-gate'
import type { CachedLink } from './streamed-start'
import { absoluteLink } from './link-lookup'
import { forgetAlignment } from '../align/run-alignment'
import { placeInTasks } from '../loading/place-in-tasks'

/**
 * A recording in hand (a dropped file, a finished download), one still downloading, or a link the
 * page may not read but a media element may play.
 */
export type AudioInput = WholeAudio | StreamedAudio | UnreadLink

interface WholeAudio {
  name: string
  data: Blob
  type?: string
  /** The parts a download made `data` of (see `RecordingFile`). */
  parts?: readonly Blob[]
  /** Its cache keys, made by its download as the bytes went by. */
  keys?: Promise<RecordingKeys | undefined>
  /** The link it was downloaded from (see `absoluteLink`). */
  link?: string
}

interface StreamedAudio {
  name: string
  /** Typed from the response once whole. */
  stream: GrowingFile
  /** Opens the downloaded file as a whole one: it did not match what was drawn from its first bytes. */
  reopen: (data: Blob) => void
}

interface UnreadLink {
  name: string
  unread: string
  /** As the media element found it (see `mediaDuration`). */
  duration: number
  /** Why its bytes could not be read. */
  reason: string
}

const METADATA_TIMEOUT_MS = 10_000
let current: AbortController | undefined

/**
 * Opens a recording as soon as its opening seconds are decoded; the rest of the waveform fills in
 * while the reviewer works. Only the newest open wins: opening another recording stops this
 * decode. Its problems replace those of the previous recording.
 */
export async function openAudio(input: AudioInput): Promise<LoadedAudio | undefined> {
  current?.abort()
  // `audio:open` marks the whole file in hand; a download marks its start too.
  if (!('unread' in input)) performance.mark('stream' in input ? 'audio:stream' : 'audio:open')
  forgetAlignment()
  const mine = new AbortController()
  current = mine
  useCallStore.setState({ decoding: input.name, audioProblems: [] })
  const problems: Problem[] = []
  const loaded = await loadAudio(input, problems, mine.signal)
  // Drawn, the recording lets the texts' parse start (`followPeaks`); failed, it does so now.
  if (!loaded) openingSettled()
  if (mine.signal.aborted) {
    if (loaded) URL.revokeObjectURL(loaded.url)
    return undefined
  }
  useCallStore.setState({ decoding: undefined, audioProblems: problems })
  return loaded
}

function loadAudio(
  input: AudioInput,
  problems: Problem[],
  signal: AbortSignal,
): Promise<LoadedAudio | undefined> {
  if ('unread' in input) return Promise.resolve(loadUnread(input, problems))
  return 'stream' in input
    ? loadStreamed(input, problems, signal)
    : loadWhole(input, problems, signal)
}

/**
 * A link whose bytes the page may not read (a bucket without CORS rules for this origin) may
 * still play in a media element, which needs none: it opens so, with a flat waveform.
 */
function loadUnread(input: UnreadLink, problems: Problem[]): LoadedAudio {
  const { name, unread: url, duration } = input
  const message =
    `no waveform: this page may not read the recording (${input.reason}), so it plays from its ` +
    'link; regions and words still work. For its waveform and alignment, let this page’s origin ' +
    'read it (the bucket’s CORS rules), or open the file from disk.'
  problems.push(warningProblem(name, '', message))
  return { ...undrawn(name, url, duration), unread: true }
}

/**
 * A download whose opening ranges can be planned from its first bytes and tail opens from them,
 * playing from its URL until the file is in; a reopened one the cache holds opens from there at
 * once; any other opens once it is whole, as a dropped file.
 */
async function loadStreamed(
  input: StreamedAudio,
  problems: Problem[],
  signal: AbortSignal,
): Promise<LoadedAudio | undefined> {
  const { stream } = input
  const whole = stream.whole.then((data) => {
    if (data && !signal.aborted) performance.mark('audio:open')
    return data
  })
  const asWhole = async () => {
    const data = await whole
    return data && !signal.aborted
      ? loadWhole(
          {
            name: input.name,
            data,
            parts: stream.foldedParts,
            keys: stream.keys(),
            link: absoluteLink(stream.url),
          },
          problems,
          signal,
        )
      : undefined
  }
  const decode = await streamedDecode(stream, signal)
  if (signal.aborted) return undefined
  if (!decode) return asWhole()
  if (typeof decode !== 'function') {
    void decode.confirmed.then((same) => {
      if (!same) void openRefuted(input, whole, signal)
    })
    stream.pauseUntil(whenShown(decode.cached.peaks))
    return loadCachedLink(input.name, stream.url, decode, signal)
  }
  const session = startStreamedPeaks(decode, () => stream.keys(), absoluteLink(stream.url), signal)
  let first: DecodedAudio
  try {
    first = await session.first
  } catch (error) {
    if (signal.aborted) return undefined
    console.warn('Turnline: the recording opens once downloaded', error)
    return asWhole()
  }
  const loaded: LoadedAudio = { name: input.name, url: stream.url, ...first, decodingRest: true }
  // Played from the page's own copy once it is in: a link may expire, and seeks need no requests.
  // A file too large to keep (see `Holding`) plays from its link throughout.
  const playable = whole.then((data) => data && URL.createObjectURL(data))
  void session.done.then(
    (full) => whenComplete(loaded, full, signal, playable),
    (error: unknown) => {
      if (error instanceof StreamedPlanMismatch && !signal.aborted) {
        void playable.then((url) => url && URL.revokeObjectURL(url))
        return input.reopen(error.file)
      }
      partlyDecoded(error, signal)
      whenComplete(loaded, { firstUserOnset: loaded.firstUserOnset }, signal, playable)
    },
  )
  return loaded
}

/**
 * A reopened link the cache holds: drawn at once, without waiting for its download, and played
 * from its link.
 */
async function loadCachedLink(
  name: string,
  url: string,
  link: CachedLink,
  signal: AbortSignal,
): Promise<LoadedAudio> {
  const session = startCachedPeaks(link, signal)
  const loaded: LoadedAudio = { name, url, ...(await session.first), decodingRest: true }
  void session.done.then((full) => whenComplete(loaded, full, signal))
  return loaded
}

/**
 * A reopened link drawn from a cache entry whose probe it has but whose key it turned out not to
 * have (see `CachedLink`): it opens from its download after all.
 */
async function openRefuted(
  input: StreamedAudio,
  whole: Promise<Blob | undefined>,
  signal: AbortSignal,
) {
  const data = await whole
  if (signal.aborted) return
  if (data) return input.reopen(data)
  const error = new Error(
    'the cache’s waveform may be another recording’s, and the download failed',
  )
  partlyDecoded(error, signal)
}

/** A Blob made of a Blob shares its bytes: only the type is new. */
function typed(data: Blob, type: string | undefined): Blob {
  return type ? new Blob([data], { type }) : data
}

/**
 * Peaks need the whole file decoded, which a very long call can exhaust; playing it does not. So a
 * failed decode still opens the recording, with a flat waveform, if the media element can play it.
 */
async function loadWhole(
  input: WholeAudio,
  problems: Problem[],
  signal: AbortSignal,
): Promise<LoadedAudio | undefined> {
  const blob = typed(input.data, input.type)
  const url = URL.createObjectURL(blob)
  try {
    const file = input.parts ? { blob, parts: input.parts } : { blob }
    const { keys, link } = input
    const session = startPeaks(file, signal, () => mediaDuration(url), { keys, link })
    const loaded: LoadedAudio = {
      name: input.name,
      url,
      ...(await session.first),
      decodingRest: true,
    }
    void session.done.then(
      (full) => whenComplete(loaded, full, signal),
      (error: unknown) => {
        partlyDecoded(error, signal)
        whenComplete(loaded, { firstUserOnset: loaded.firstUserOnset }, signal)
      },
    )
    return loaded
  } catch (decodeError) {
    if (signal.aborted) {
      URL.revokeObjectURL(url)
      return undefined
    }
    if (decodeError instanceof EmptyRecordingError) {
      URL.revokeObjectURL(url)
      problems.push(errorProblem(input.name, '', decodeError.message))
      return undefined
    }
    const reason = errorText(decodeError)
    const duration = await mediaDuration(url).catch(() => undefined)
    if (duration === undefined) {
      URL.revokeObjectURL(url)
      const webPage = looksLikeWebPage(await blob.slice(0, 512).text())
      const message = webPage
        ? WEB_PAGE_INSTEAD
        : `the browser cannot decode this audio (${reason})`
      problems.push(errorProblem(input.name, '', message))
      return undefined
    }
    const message = `no waveform: decoding failed (${reason}); playback, regions and words still work`
    problems.push(warningProblem(input.name, '', message))
    return undrawn(input.name, url, duration)
  }
}

/**
 * The decode is done: the alignment features join the recording. The call was placed from the
 * opening seconds; if the first user speech only showed up later, it is placed again. A
 * downloaded recording is played from the page's copy (`playable`) from then on.
 */
function whenComplete(
  loaded: LoadedAudio,
  full: Pick<DecodedAudio, 'features' | 'firstUserOnset'>,
  signal: AbortSignal,
  playable?: Promise<string | undefined>,
) {
  if (!playable) return complete(loaded.url)
  void playable.then((url) => complete(url ?? loaded.url))

  function complete(url: string) {
    const audio: LoadedAudio = { ...loaded, url }
    delete audio.decodingRest
    if (full.features) audio.features = full.features
    if (full.firstUserOnset !== undefined) audio.firstUserOnset = full.firstUserOnset
    let applied = false
    // The page's copy of a recording that never got into the store is let go.
    const drop = () => {
      if (!applied && url !== loaded.url) URL.revokeObjectURL(url)
    }
    const apply = async (): Promise<void> => {
      const { inputs } = useCallStore.getState()
      const next = { ...inputs, audio }
      if (full.firstUserOnset === loaded.firstUserOnset) {
        applied = true
        return useCallStore.setState({ inputs: next })
      }
      // Placed in tasks, its view built ahead: a long call's re-placement is no long task.
      const { placed } = await placeInTasks(next)
      if (signal.aborted || useCallStore.getState().inputs.audio !== loaded) return drop()
      if (useCallStore.getState().inputs !== inputs) return apply()
      applied = true
      replaceInputs(next, placed)
    }
    if (signal.aborted) return drop()
    if (useCallStore.getState().inputs.audio === loaded) return void apply()
    // The recording is not in the store yet (the decode finished as it opened).
    const off = useCallStore.subscribe((state) => {
      if (state.inputs.audio !== loaded) return
      off()
      void apply()
    })
    signal.addEventListener(
      'abort',
      () => {
        off()
        drop()
      },
      { once: true },
    )
  }
}

/** The waveform stops where the decode did, and says why; the recording still plays. */
function partlyDecoded(error: unknown, signal: AbortSignal) {
  console.warn('Turnline: part of the waveform could not be decoded', error)
  if (!signal.aborted) usePeaksProgress.setState({ stopped: errorText(error) })
}

/** The duration a media element finds in `url`'s metadata; it rejects if it cannot play it. */
export function mediaDuration(url: string): Promise<number> {
  return new Promise((resolve, reject) => {
    setTimeout(() => reject(new Error('no metadata')), METADATA_TIMEOUT_MS)
    const media = new Audio()
    media.preload = 'metadata'
    media.onloadedmetadata = () =>
      Number.isFinite(media.duration) ? resolve(media.duration) : reject(new Error('no duration'))
    media.onerror = () => reject(new Error('not playable'))
    media.src = url
  })
}

/** A recording that plays without a waveform. Its channels are unknown undecoded: two lanes, flat. */
function undrawn(name: string, url: string, duration: number): LoadedAudio {
  const bins = Math.ceil(duration * PEAKS_PER_SECOND)
  return {
    name,
    url,
    duration,
    channels: 2,
    peaks: [new Float32Array(bins), new Float32Array(bins)],
  }
}
