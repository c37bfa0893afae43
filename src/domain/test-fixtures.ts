import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import type { CallHistory, EgressRecording, WordTimings } from './call'
import type { ParsedInput } from './parse/parse-input'
import { parseInputText } from './parse/parse-input'

/** Test-only helpers over the fixtures copied from ../shared/fixtures (one consistent call). */
const FIXTURES = join(import.meta.dirname, '__fixtures__')

export function fixtureText(name: string): string {
  return readFileSync(join(FIXTURES, name), 'utf8')
}

export function fixtureJson(name: string): Record<string, unknown> {
  return JSON.parse(fixtureText(name)) as Record<string, unknown>
}

export function parseOk(name: string, text = fixtureText(name)): ParsedInput {
  const result = parseInputText(name, text)
  if (!result.ok) throw new Error(result.problems.map((p) => `${p.path}: ${p.message}`).join('\n'))
  return result.value
}

export function historyFixture(name: string, text?: string): CallHistory {
  const parsed = parseOk(name, text)
  if (parsed.kind !== 'history') throw new Error(`${name} is ${parsed.kind}`)
  return parsed.history
}

export function timingsFixture(name = 'timed-strings.json', text?: string): WordTimings {
  const parsed = parseOk(name, text)
  if (parsed.kind !== 'timings') throw new Error(`${name} is ${parsed.kind}`)
  return parsed.timings
}

export function egressFixture(name: string): EgressRecording {
  const parsed = parseOk(name)
  if (parsed.kind !== 'egress') throw new Error(`${name} is ${parsed.kind}`)
  return parsed.egress
}

/** T0 of the fixture call's audio.ogg (formats.md §10). */
export const FIXTURE_T0 = 1763900000.2084112

/** Sample 0 of the fixture call's Egress file: `fileResults[0].startedAt` (ns) in seconds. */
export const EGRESS_FILE_T0 = 1763900000 + 0.652318421
export const EGRESS_REQUEST_T0 = 1763899999 + 0.258791127
