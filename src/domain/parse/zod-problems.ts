import type { z } from 'zod'
import { camelCase } from '../case'
import type { Problem } from '../problems'
import { describeValue, errorProblem, formatPath, joinPath } from '../problems'

export interface ProblemContext {
  file: string
  /** Path of the parsed value inside the file, e.g. `chat_history.items[3]`. */
  prefix: string
  /** The file used camelCase keys: report paths in its own spelling. */
  camel: boolean
}

export function valueAt(root: unknown, path: readonly PropertyKey[]): unknown {
  let node = root
  for (const key of path) {
    if (node === null || typeof node !== 'object') return undefined
    node = (node as Record<PropertyKey, unknown>)[key]
  }
  return node
}

export function spellPath(path: readonly PropertyKey[], camel: boolean): string {
  return formatPath(camel ? path.map((k) => (typeof k === 'string' ? camelCase(k) : k)) : path)
}

export function issueMessage(issue: z.core.$ZodIssue, input: unknown): string {
  const actual = valueAt(input, issue.path)
  const missing = actual === undefined && issue.path.length > 0
  switch (issue.code) {
    case 'invalid_type':
      if (missing) return `missing: expected ${article(issue.expected)}`
      return `expected ${issue.expected === 'array' ? 'an array' : `a ${issue.expected}`}, got ${describeValue(actual)}`
    case 'invalid_value':
      return `expected one of ${issue.values.map((v) => JSON.stringify(v)).join(', ')}, got ${describeValue(actual)}`
    case 'invalid_union':
      return missing ? 'missing' : `unexpected value ${describeValue(actual)}`
    case 'custom':
    case 'invalid_element':
    case 'invalid_format':
    case 'invalid_key':
    case 'not_multiple_of':
    case 'too_big':
    case 'too_small':
    case 'unrecognized_keys':
      return issue.message
  }
}

function article(expected: string): string {
  return expected === 'array' || expected === 'object' ? `an ${expected}` : `a ${expected}`
}

export function zodProblems(
  ctx: ProblemContext,
  error: z.core.$ZodError,
  input: unknown,
): Problem[] {
  return error.issues.map((issue) =>
    errorProblem(
      ctx.file,
      joinPath(ctx.prefix, spellPath(issue.path, ctx.camel)),
      issueMessage(issue, input),
    ),
  )
}
