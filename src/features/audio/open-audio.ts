import { PEAKS_PER_SECOND } from '../../domain/audio/peaks'
import type { Problem } from '../../domain/problems'
import { errorProblem, warningProblem } from '../../domain/problems'
import type { LoadedAudio } from '../../store/call-store'
import { replaceInputs, useCallStore } from '../../store/call-store'
import type { DecodedAudio } from './decode-peaks'
import { startPeaks } from './decode-peaks'
import { EmptyRecordingError } from './decode-ogg'
import { forgetAlignment } from '../align/run-alignment'
import { placeInTasks } from '../loading/place-in-tasks'

export interface AudioInput {
  name: string
  data: Blob
  type?: string
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
  performance.mark('audio:open')
  forgetAlignment()
  const mine = new AbortController()
  current = mine
  useCallStore.setState({ decoding: input.name, audioProblems: [] })
  const problems: Problem[] = []
  const loaded = await loadAudio(input, problems, mine.signal)
  if (mine.signal.aborted) {
    if (loaded) URL.revokeObjectURL(loaded.url)
    return undefined
  }
  useCallStore.setState({ decoding: undefined, audioProblems: problems })
  return loaded
}

/**
 * Peaks need the whole file decoded, which a very long call can exhaust; playing it does not. So a
 * failed decode still opens the recording, with a flat waveform, if the media element can play it.
 */
async function loadAudio(
  input: AudioInput,
  problems: Problem[],
  signal: AbortSignal,
): Promise<LoadedAudio | undefined> {
  // A Blob made of a Blob shares its bytes: only the type is new.
  const blob = input.type ? new Blob([input.data], { type: input.type }) : input.data
  const url = URL.createObjectURL(blob)
  try {
    const session = startPeaks(blob, signal, () => mediaDuration(url))
    const loaded: LoadedAudio = {
      name: input.name,
      url,
      ...(await session.first),
      decodingRest: true,
    }
    void session.done.then(
      (full) => whenComplete(loaded, full, signal),
      (error: unknown) => {
        console.warn('Turnline: part of the waveform could not be decoded', error)
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
    // The channel count is unknown without decoding: draw both lanes, flat.
    if (duration === undefined) {
      URL.revokeObjectURL(url)
      problems.push(
        errorProblem(input.name, '', `the browser cannot decode this audio (${reason})`),
      )
      return undefined
    }
    const message = `no waveform: decoding failed (${reason}); playback, regions and words still work`
    problems.push(warningProblem(input.name, '', message))
    return { name: input.name, url, duration, channels: 2, peaks: flatPeaks(duration) }
  }
}

/**
 * The decode is done: the alignment features join the recording. The call was placed from the
 * opening seconds; if the first user speech only showed up later, it is placed again.
 */
function whenComplete(
  loaded: LoadedAudio,
  full: Pick<DecodedAudio, 'features' | 'firstUserOnset'>,
  signal: AbortSignal,
) {
  const audio: LoadedAudio = { ...loaded }
  delete audio.decodingRest
  if (full.features) audio.features = full.features
  if (full.firstUserOnset !== undefined) audio.firstUserOnset = full.firstUserOnset
  const apply = async (): Promise<void> => {
    const { inputs } = useCallStore.getState()
    const next = { ...inputs, audio }
    if (full.firstUserOnset === loaded.firstUserOnset)
      return useCallStore.setState({ inputs: next })
    // Placed in tasks, its view built ahead: a long call's re-placement is no long task.
    const { placed } = await placeInTasks(next)
    if (signal.aborted || useCallStore.getState().inputs.audio !== loaded) return
    if (useCallStore.getState().inputs !== inputs) return apply()
    replaceInputs(next, placed)
  }
  if (signal.aborted) return
  if (useCallStore.getState().inputs.audio === loaded) return void apply()
  // The recording is not in the store yet (the decode finished as it opened).
  const off = useCallStore.subscribe((state) => {
    if (state.inputs.audio !== loaded) return
    off()
    void apply()
  })
  signal.addEventListener('abort', off, { once: true })
}

function errorText(error: unknown): string {
  return error instanceof Error ? error.message : String(error)
}

function mediaDuration(url: string): Promise<number> {
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

function flatPeaks(duration: number): Float32Array[] {
  const bins = Math.ceil(duration * PEAKS_PER_SECOND)
  return [new Float32Array(bins), new Float32Array(bins)]
}
