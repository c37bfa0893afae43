import type { CallHistory } from '../../domain/call'
import { correctionsFromExport } from '../../domain/export/alignment'
import type { AlignmentExport } from '../../domain/export/alignment-schema'
import type { InputRole, ParsedInput } from '../../domain/parse/parse-input'
import type { ParseResult, Problem } from '../../domain/problems'
import { warningProblem } from '../../domain/problems'
import {
  RECORDING_EXTENSIONS,
  SNIFF_BYTES,
  startsLikeRecording,
} from '../../domain/audio/recording-sniff'
import { hasCorrections } from '../../domain/corrections'
import { findingsFromExport } from '../../domain/review/findings'
import { findingsActions } from '../../store/findings-store'
import type { CallInputs } from '../../store/call-store'
import { callKey, replaceInputs, useCallStore } from '../../store/call-store'
import { placeInTasks } from './place-in-tasks'
import { reviewActions, useReviewStore } from '../../store/review-store'
import type { AudioInput } from '../audio/open-audio'
import { openAudio } from '../audio/open-audio'
import { nextStep } from './next-task'
import { parseOffThread } from './parse-off-thread'
import { resetCursor } from '../player/playback-cursor'

/** A text file, or one parsed already (a link the parse worker downloaded, see `linked-texts`). */
export type TextInput = {
  name: string
  /** When the caller knows what the file must be (a URL parameter), a mismatch is a problem. */
  expected?: InputRole
} & ({ text: string } | { parsed: ParseResult<ParsedInput> })

/** Once the reviewer opens files, a slower URL load must not replace them. */
export function hasUserOpenedFiles(): boolean {
  return useCallStore.getState().reviewerOpenedFiles
}

const RECORDING_NAME = new RegExp(`\\.(${RECORDING_EXTENSIONS.join('|')})$`, 'i')
const RECORDING_TYPE = /^(audio\/|video\/(webm|mp4|ogg|x-matroska)$)/

/** By its name or type, else by its first bytes: a recording named `call` or `call.bin` too. */
async function isRecording(file: File): Promise<boolean> {
  if (RECORDING_TYPE.test(file.type) || RECORDING_NAME.test(file.name)) return true
  const head = new Uint8Array(await file.slice(0, SNIFF_BYTES).arrayBuffer())
  return startsLikeRecording(head)
}

/** Files from a drop or the picker: which is which is detected from their content. */
export async function openFiles(files: readonly File[]) {
  // A new open: the banner of the previous one no longer applies.
  useCallStore.setState({ reviewerOpenedFiles: true, problems: [], audioProblems: [] })
  const recording = await Promise.all(files.map(isRecording))
  const [audioFile, ...leftOut] = files.filter((_, i) => recording[i])
  const texts = await Promise.all(
    files
      .filter((_, i) => !recording[i])
      .map(async (f) => ({ name: f.name, text: await f.text() })),
  )
  // The File itself: its bytes stay on disk until a decoder reads the part it needs.
  const audio = audioFile && { name: audioFile.name, data: audioFile, type: audioFile.type }
  const notes = leftOut.map((f) =>
    warningProblem(
      f.name,
      '',
      `left out: one recording at a time, and ${audioFile?.name} was opened`,
    ),
  )
  await openInputs(texts, audio, undefined, notes)
}

/**
 * Parses everything first and changes nothing unless at least one input is usable, so a bad
 * file never costs the reviewer the call that is already open.
 */
export async function openInputs(
  texts: readonly TextInput[],
  audio?: AudioInput,
  /** Asked once the texts are parsed (in a worker): false drops them (the reviewer opened others). */
  stillWanted: () => boolean = () => true,
  /** What the caller found already, shown with the texts' problems. */
  noted: readonly Problem[] = [],
) {
  const problems: Problem[] = [...noted]
  const patch: CallInputs = {}
  let alignment: PendingAlignment | undefined
  const results = await Promise.all(
    texts.map((input) =>
      'parsed' in input
        ? Promise.resolve(input.parsed)
        : parseOffThread(input.name, input.text, input.expected),
    ),
  )
  // The parsed files arrive with the worker's message; placing them is the next task's work.
  if (texts.length > 0) await nextStep()
  if (!stillWanted()) return
  for (const [index, result] of results.entries()) {
    const name = texts[index]?.name ?? ''
    problems.push(...result.problems)
    if (!result.ok) continue
    const parsed = result.value
    if (parsed.kind === 'history') patch.history = parsed.history
    else if (parsed.kind === 'timings') patch.timings = parsed.timings
    else if (parsed.kind === 'egress') patch.egress = parsed.egress
    else alignment = { file: name, alignment: parsed.alignment }
  }
  // The transcript comes first: decoding a long recording takes seconds. Opening a call is one
  // transaction: with a new recording coming, the old one (its waveform, audio, playback) goes
  // now, so the new transcript never sits on it and an export never mixes the two.
  // A recording opened alone replaces the old one only once it decodes (a bad file keeps it).
  const newCall = audio !== undefined && patch.history !== undefined
  if (Object.keys(patch).length > 0) problems.push(...(await applyPatch(patch, newCall)))
  if (texts.length > 0 || problems.length > 0) useCallStore.setState({ problems })
  const waiting = patch.history ? useCallStore.getState().pendingAlignment : undefined
  const pending = alignment ?? waiting
  if (pending) applyAlignment(pending)
  if (audio) {
    const loaded = await openAudio(audio)
    if (loaded) await applyPatch({ audio: loaded })
  }
}

/**
 * A history of another call starts a new review: the word timings and Egress info of the old call
 * no longer apply. The recording is kept, since it is often opened first.
 */
async function applyPatch(patch: CallInputs, newRecordingComing = false): Promise<Problem[]> {
  let inputs: CallInputs
  let ahead: Awaited<ReturnType<typeof placeInTasks>>
  // Another open landed meanwhile: the placement is made again, in tasks, from what it left.
  do {
    inputs = useCallStore.getState().inputs
    ahead = await placeInTasks(patchedInputs(inputs, patch, newRecordingComing))
  } while (useCallStore.getState().inputs !== inputs)
  const { placed, restored } = ahead
  const next = placed.inputs
  const replacesCall = replacesHistory(inputs, patch)
  if (inputs.audio && next.audio !== inputs.audio) URL.revokeObjectURL(inputs.audio.url)
  replaceInputs(next, placed)
  if (replacesCall) resetCursor()
  const key = callKey(next)
  const review = useReviewStore.getState()
  if (key === review.callKey) return []
  reviewActions.openCall(key, restored)
  const switched =
    !replacesCall && review.callKey !== undefined && hasCorrections(review.corrections)
  return switched ? [recordingSwitched(next)] : []
}

function replacesHistory(inputs: CallInputs, patch: CallInputs): boolean {
  return (
    patch.history !== undefined &&
    inputs.history !== undefined &&
    !sameCall(inputs.history, patch.history)
  )
}

function patchedInputs(
  inputs: CallInputs,
  patch: CallInputs,
  newRecordingComing: boolean,
): CallInputs {
  const replacesCall = replacesHistory(inputs, patch)
  const kept: CallInputs = replacesCall ? (inputs.audio ? { audio: inputs.audio } : {}) : inputs
  const base = newRecordingComing ? withoutAudio(kept) : kept
  return { ...base, ...patch }
}

function recordingSwitched(inputs: CallInputs): Problem {
  const file = inputs.egress?.file ?? inputs.history?.file ?? ''
  const message =
    'the call is now placed on another recording; corrections are kept per recording, so this one starts from its own'
  return warningProblem(file, '', message)
}

function sameCall(current: CallHistory, next: CallHistory): boolean {
  const ids = new Set(current.items.map((i) => i.id))
  return next.items.some((i) => ids.has(i.id))
}

type PendingAlignment = { file: string; alignment: AlignmentExport }

/** An export opened before its call waits for it; one for another call is refused. */
function withoutAudio(inputs: CallInputs): CallInputs {
  const rest = { ...inputs }
  delete rest.audio
  return rest
}

function applyAlignment(pending: PendingAlignment) {
  const { timeline, problems } = useCallStore.getState()
  if (!timeline) {
    const waiting = warningProblem(
      pending.file,
      '',
      'waits for its call: open the history it was made for',
    )
    useCallStore.setState((s) => ({
      pendingAlignment: pending,
      problems: [...s.problems, waiting],
    }))
    return
  }
  const restored = correctionsFromExport(pending.alignment, timeline, pending.file)
  if (restored.corrections) reviewActions.replaceCorrections(restored.corrections)
  // Findings come back with the offsets; an export of another call brings none.
  const findings = restored.corrections
    ? findingsFromExport(
        pending.alignment['findings'],
        new Set(timeline.items.map((i) => i.id)),
        pending.file,
      )
    : { findings: [], problems: [] }
  findingsActions.merge(findings.findings)
  useCallStore.setState({
    problems: [...problems, ...restored.problems, ...findings.problems],
    pendingAlignment: undefined,
  })
}
