import type { CallHistory, EgressRecording, WordTimings } from '../call'
import type { AlignmentExport } from '../export/alignment-schema'
import { alignmentExportSchema } from '../export/alignment-schema'
import type { ParseResult } from '../problems'
import { errorProblem } from '../problems'
import { assertNever } from '../objects'
import { detectInputKind } from './detect'
import { parseEgressFile } from './egress'
import { parseHistoryFile } from './history'
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
  const json = tryJson(text)
  if (!json.ok) {
    if (looksLikeNdjson(text)) return mapValue(parseTranscriptionStream(file, text), toTimings)
    return { ok: false, problems: [errorProblem(file, '', `not valid JSON (${json.error})`)] }
  }
  const result = isTranscriptionChunk(json.value)
    ? mapValue(parseTranscriptionStream(file, text), toTimings)
    : parseJsonValue(file, json.value)
  if (result.ok && expected !== undefined && result.value.kind !== expected) {
    const message = `expected ${INPUT_ROLE_LABEL[expected]}, got ${INPUT_ROLE_LABEL[result.value.kind]}`
    return { ok: false, problems: [errorProblem(file, '', message)] }
  }
  return result
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
      return { ok: false, problems: [errorProblem(file, '', EXPECTED_ANY)] }
    default:
      return assertNever(detected)
  }
}

function toTimings(timings: WordTimings): ParsedInput {
  return { kind: 'timings', timings }
}

function mapValue<T, U>(result: ParseResult<T>, map: (value: T) => U): ParseResult<U> {
  return result.ok ? { ok: true, value: map(result.value), problems: result.problems } : result
}

function tryJson(text: string): { ok: true; value: unknown } | { ok: false; error: string } {
  try {
    return { ok: true, value: JSON.parse(text) as unknown }
  } catch (error) {
    return { ok: false, error: error instanceof Error ? error.message : String(error) }
  }
}

function isTranscriptionChunk(value: unknown): boolean {
  if (value === null || typeof value !== 'object') return false
  return 'text' in value && ('end_time' in value || 'endTime' in value)
}

function looksLikeNdjson(text: string): boolean {
  const lines = text.split(/\r?\n/).filter((l) => l.trim() !== '')
  return lines.length > 1 && lines.every((l) => l.trim().startsWith('{') && l.trim().endsWith('}'))
}
