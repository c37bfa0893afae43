import { correctionsFromExport } from '../../domain/export/alignment'
import type { InputRole, ParsedInput } from '../../domain/parse/parse-input'
import { parseInputText } from '../../domain/parse/parse-input'
import type { Problem } from '../../domain/problems'
import { errorProblem } from '../../domain/problems'
import type { CallInputs, LoadedAudio } from '../../store/call-store'
import { callKey, setPendingAlignment, updateInputs, useCallStore } from '../../store/call-store'
import { reviewActions } from '../../store/review-store'
import { decodePeaks } from '../audio/decode-peaks'

export interface TextInput {
  name: string
  text: string
  /** When the caller knows what the file must be (a URL parameter), a mismatch is a problem. */
  expected?: InputRole
}

export interface AudioInput {
  name: string
  bytes: ArrayBuffer
  /** URL the media element plays; made from the bytes when absent. */
  url?: string
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
  let alignment: { file: string; parsed: Extract<ParsedInput, { kind: 'alignment' }> } | undefined
  for (const input of texts) {
    const result = parseInputText(input.name, input.text, input.expected)
    problems.push(...result.problems)
    if (!result.ok) continue
    const parsed = result.value
    if (parsed.kind === 'history') patch.history = parsed.history
    else if (parsed.kind === 'timings') patch.timings = parsed.timings
    else if (parsed.kind === 'egress') patch.egress = parsed.egress
    else alignment = { file: input.name, parsed }
  }
  if (audio) {
    const loaded = await loadAudio(audio, problems)
    if (loaded) patch.audio = loaded
  }
  const before = useCallStore.getState().inputs
  if (Object.keys(patch).length > 0) {
    if (patch.audio && before.audio && before.audio.url !== patch.audio.url)
      URL.revokeObjectURL(before.audio.url)
    updateInputs(patch, problems)
    const after = useCallStore.getState().inputs
    if (patch.history || patch.audio) reviewActions.openCall(callKey(after))
  } else {
    useCallStore.setState({ problems })
  }
  if (alignment) applyAlignment(alignment.file, alignment.parsed.alignment)
}

function applyAlignment(
  file: string,
  alignment: Extract<ParsedInput, { kind: 'alignment' }>['alignment'],
) {
  const { timeline, problems } = useCallStore.getState()
  if (!timeline) {
    setPendingAlignment({ file, alignment })
    return
  }
  const restored = correctionsFromExport(alignment, timeline, file)
  reviewActions.replaceCorrections(restored.corrections)
  useCallStore.setState({
    problems: [...problems, ...restored.problems],
    pendingAlignment: undefined,
  })
}

/** An export opened before its history is applied as soon as the history arrives. */
export function applyPendingAlignment() {
  const { pendingAlignment, timeline } = useCallStore.getState()
  if (pendingAlignment && timeline)
    applyAlignment(pendingAlignment.file, pendingAlignment.alignment)
}

async function loadAudio(input: AudioInput, problems: Problem[]): Promise<LoadedAudio | undefined> {
  try {
    const decoded = await decodePeaks(input.bytes.slice(0))
    const url =
      input.url ??
      URL.createObjectURL(new Blob([input.bytes], input.type ? { type: input.type } : {}))
    const audio: LoadedAudio = { name: input.name, url, ...decoded }
    return audio
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error)
    problems.push(errorProblem(input.name, '', `the browser cannot decode this audio (${reason})`))
    return undefined
  }
}
