import type { CallHistory } from '../../domain/call'
import { correctionsFromExport } from '../../domain/export/alignment'
import type { AlignmentExport } from '../../domain/export/alignment-schema'
import type { InputRole } from '../../domain/parse/parse-input'
import { parseInputText } from '../../domain/parse/parse-input'
import type { Problem } from '../../domain/problems'
import { errorProblem, warningProblem } from '../../domain/problems'
import { PEAKS_PER_SECOND } from '../../domain/audio/peaks'
import type { CallInputs, LoadedAudio } from '../../store/call-store'
import { callKey, replaceInputs, useCallStore } from '../../store/call-store'
import { reviewActions, useReviewStore } from '../../store/review-store'
import { decodePeaks } from '../audio/decode-peaks'
import { resetCursor } from '../player/playback-cursor'

export interface TextInput {
  name: string
  text: string
  /** When the caller knows what the file must be (a URL parameter), a mismatch is a problem. */
  expected?: InputRole
}

export interface AudioInput {
  name: string
  bytes: ArrayBuffer
  type?: string
}

const AUDIO_EXTENSIONS = /\.(ogg|oga|opus|wav|mp3|m4a|aac|mp4|webm|flac)$/i

export function isAudioFile(file: File): boolean {
  return (
    file.type.startsWith('audio/') || file.type === 'video/webm' || AUDIO_EXTENSIONS.test(file.name)
  )
}

/** Files from a drop or the picker: which is which is detected from their content. */
export async function openFiles(files: readonly File[]) {
  const audioFile = files.find(isAudioFile)
  const texts = await Promise.all(
    files.filter((f) => f !== audioFile).map(async (f) => ({ name: f.name, text: await f.text() })),
  )
  const audio = audioFile && {
    name: audioFile.name,
    bytes: await audioFile.arrayBuffer(),
    type: audioFile.type,
  }
  await openInputs(texts, audio)
}

/**
 * Parses everything first and changes nothing unless at least one input is usable, so a bad
 * file never costs the reviewer the call that is already open.
 */
export async function openInputs(texts: readonly TextInput[], audio?: AudioInput) {
  const problems: Problem[] = []
  const patch: CallInputs = {}
  let alignment: PendingAlignment | undefined
  for (const input of texts) {
    const result = parseInputText(input.name, input.text, input.expected)
    problems.push(...result.problems)
    if (!result.ok) continue
    const parsed = result.value
    if (parsed.kind === 'history') patch.history = parsed.history
    else if (parsed.kind === 'timings') patch.timings = parsed.timings
    else if (parsed.kind === 'egress') patch.egress = parsed.egress
    else alignment = { file: input.name, alignment: parsed.alignment }
  }
  // The transcript comes first: decoding a long recording takes seconds.
  if (Object.keys(patch).length > 0) applyPatch(patch, problems)
  else if (texts.length > 0) useCallStore.setState({ problems })
  const pending = alignment ?? useCallStore.getState().pendingAlignment
  if (pending) applyAlignment(pending)
  if (audio) await openAudio(audio)
}

async function openAudio(audio: AudioInput) {
  useCallStore.setState({ decoding: audio.name })
  const problems: Problem[] = []
  const loaded = await loadAudio(audio, problems)
  useCallStore.setState({ decoding: undefined })
  if (loaded) applyPatch({ audio: loaded }, useCallStore.getState().problems)
  else useCallStore.setState((s) => ({ problems: [...s.problems, ...problems] }))
}

/**
 * A history of another call starts a new review: the word timings, Egress info and waiting export
 * of the old call no longer apply. The recording is kept, since it is often opened first.
 */
function applyPatch(patch: CallInputs, problems: Problem[]) {
  const { inputs } = useCallStore.getState()
  const replacesCall =
    patch.history !== undefined &&
    inputs.history !== undefined &&
    !sameCall(inputs.history, patch.history)
  const base: CallInputs = replacesCall ? (inputs.audio ? { audio: inputs.audio } : {}) : inputs
  const next = { ...base, ...patch }
  if (inputs.audio && next.audio !== inputs.audio) URL.revokeObjectURL(inputs.audio.url)
  replaceInputs(next, problems)
  if (replacesCall) {
    useCallStore.setState({ pendingAlignment: undefined })
    resetCursor()
  }
  const key = callKey(next)
  if (key !== useReviewStore.getState().callKey) reviewActions.openCall(key)
}

function sameCall(current: CallHistory, next: CallHistory): boolean {
  const ids = new Set(current.items.map((i) => i.id))
  return next.items.some((i) => ids.has(i.id))
}

type PendingAlignment = { file: string; alignment: AlignmentExport }

/** An export opened before its call waits for it; one for another call is refused. */
function applyAlignment(pending: PendingAlignment) {
  const { timeline, problems } = useCallStore.getState()
  if (!timeline) {
    useCallStore.setState({ pendingAlignment: pending })
    return
  }
  const restored = correctionsFromExport(pending.alignment, timeline, pending.file)
  if (restored.corrections) reviewActions.replaceCorrections(restored.corrections)
  useCallStore.setState({
    problems: [...problems, ...restored.problems],
    pendingAlignment: undefined,
  })
}

/**
 * Peaks need the whole file decoded, which a very long call can exhaust; playing it does not. So a
 * failed decode still opens the recording, with a flat waveform, if the media element can play it.
 */
async function loadAudio(input: AudioInput, problems: Problem[]): Promise<LoadedAudio | undefined> {
  const blob = new Blob([input.bytes], input.type ? { type: input.type } : {})
  const url = URL.createObjectURL(blob)
  try {
    return { name: input.name, url, ...(await decodePeaks(input.bytes.slice(0))) }
  } catch (decodeError) {
    const reason = errorText(decodeError)
    const duration = await mediaDuration(url).catch(() => undefined)
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

function errorText(error: unknown): string {
  return error instanceof Error ? error.message : String(error)
}

function mediaDuration(url: string): Promise<number> {
  return new Promise((resolve, reject) => {
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
