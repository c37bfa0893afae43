import type { CallHistory, EgressRecording, WordTimings } from '../call'
import { looksLikeWebPage, WEB_PAGE_INSTEAD } from '../web-page'
import type { AlignmentExport } from '../export/alignment-schema'
import { alignmentExportSchema } from '../export/alignment-schema'
import type { ParseResult, Problem } from '../problems'
import { errorProblem, joinPath, warningProblem } from '../problems'
import { assertNever } from '../objects'
import { detectInputKind } from './detect'
import { parseEgressFile } from './egress'
import { parseHistoryFile } from './history'
import { parseJsonText, unwrapExtendedJson } from './lenient-json'
import { findNestedInput } from './nested'
import { parseTimedStringsFile, parseTranscriptionStream } from './timed-strings'
import { zodProblems } from './zod-problems'

export type ParsedInput =
  | { kind: 'history'; history: CallHistory }
  | { kind: 'timings'; timings: WordTimings }
  | { kind: 'egress'; egress: EgressRecording }
  | { kind: 'alignment'; alignment: AlignmentExport }

export type InputRole = ParsedInput['kind']

export const INPUT_ROLE_LABEL: Record<InputRole, string> = {
  history: 'a chat history or session report',
  timings: 'word timings',
  egress: 'Egress info',
  alignment: 'a Turnline alignment export',
}

const EXPECTED_ANY =
  'expected a LiveKit chat history ({"items": …}), a session report ({"chat_history": …}), word timings ({"segments": …}), Egress info or a Turnline export'

/** Reads one JSON (or NDJSON) input file, whatever it is, into its normalized form. */
export function parseInputText(
  file: string,
  text: string,
  expected?: InputRole,
): ParseResult<ParsedInput> {
  let result: ParseResult<ParsedInput>
  try {
    result = parseText(file, text)
  } catch (error) {
    // A hostile file (objects nested 100,000 deep) must be refused, not crash the page.
    if (!(error instanceof RangeError)) throw error
    const message = `too deeply nested to read (${error.message})`
    return { ok: false, problems: [errorProblem(file, '', message)] }
  }
  if (result.ok && expected !== undefined && result.value.kind !== expected) {
    const message = `expected ${INPUT_ROLE_LABEL[expected]}, got ${INPUT_ROLE_LABEL[result.value.kind]}`
    return { ok: false, problems: [errorProblem(file, '', message)] }
  }
  return result
}

function parseText(file: string, text: string): ParseResult<ParsedInput> {
  const json = parseJsonText(text)
  if (!json.ok) {
    if (looksLikeNdjson(text)) return mapValue(parseTranscriptionStream(file, text), toTimings)
    const message = looksLikeWebPage(text) ? WEB_PAGE_INSTEAD : `not valid JSON (${json.error})`
    return { ok: false, problems: [errorProblem(file, '', message)] }
  }
  if (isTranscriptionChunk(json.value))
    return mapValue(parseTranscriptionStream(file, text), toTimings)
  const notes: Problem[] = []
  if (json.lenient)
    notes.push(
      warningProblem(file, '', 'not strict JSON (comments or trailing commas); read as JSON5'),
    )
  // Only a file that names a `$` key can hold MongoDB wrappers: others skip the copy.
  const extended = text.includes('$')
    ? unwrapExtendedJson(json.value)
    : { value: json.value, unwrapped: 0 }
  if (extended.unwrapped > 0) {
    const message = `${extended.unwrapped} MongoDB wrappers ($numberLong, $date, …) read as plain values`
    notes.push(warningProblem(file, '', message))
  }
  return withProblems(parseJsonValue(file, extended.value), notes)
}

function withProblems<T>(result: ParseResult<T>, notes: Problem[]): ParseResult<T> {
  if (notes.length === 0) return result
  return { ...result, problems: [...notes, ...result.problems] }
}

export function parseJsonValue(file: string, value: unknown): ParseResult<ParsedInput> {
  const detected = detectInputKind(value)
  switch (detected.kind) {
    case 'history':
      return mapValue(parseHistoryFile(file, value, detected.format), (history) => ({
        kind: 'history',
        history,
      }))
    case 'timings':
      return mapValue(parseTimedStringsFile(file, value), toTimings)
    case 'egress':
      return mapValue(parseEgressFile(file, value), (egress) => ({ kind: 'egress', egress }))
    case 'alignment': {
      const parsed = alignmentExportSchema.safeParse(value)
      if (!parsed.success)
        return {
          ok: false,
          problems: zodProblems({ file, prefix: '', camel: false }, parsed.error, value),
        }
      return { ok: true, value: { kind: 'alignment', alignment: parsed.data }, problems: [] }
    }
    case 'unknown':
      return parseNested(file, value)
    default:
      return assertNever(detected)
  }
}

/** Input one level down in a wrapper object: read from there, saying where it was found. */
function parseNested(file: string, value: unknown): ParseResult<ParsedInput> {
  const nested = findNestedInput(value)
  if (!nested) return { ok: false, problems: [errorProblem(file, '', EXPECTED_ANY)] }
  const result = parseJsonValue(file, nested.value)
  const relocate = (p: Problem): Problem => ({ ...p, path: joinPath(nested.key, p.path) })
  const found = warningProblem(
    file,
    nested.key,
    `${INPUT_ROLE_LABEL[nested.detected.kind]} found inside a wrapper object, under "${nested.key}"`,
  )
  return result.ok
    ? { ...result, problems: [found, ...result.problems.map(relocate)] }
    : { ok: false, problems: result.problems.map(relocate) }
}

function toTimings(timings: WordTimings): ParsedInput {
  return { kind: 'timings', timings }
}

function mapValue<T, U>(result: ParseResult<T>, map: (value: T) => U): ParseResult<U> {
  return result.ok ? { ok: true, value: map(result.value), problems: result.problems } : result
}

function isTranscriptionChunk(value: unknown): boolean {
  if (value === null || typeof value !== 'object') return false
  return 'text' in value && ('end_time' in value || 'endTime' in value)
}

function looksLikeNdjson(text: string): boolean {
  const lines = text.split(/\r?\n/).filter((l) => l.trim() !== '')
  return lines.length > 1 && lines.every((l) => l.trim().startsWith('{') && l.trim().endsWith('}'))
}
