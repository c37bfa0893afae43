import type { z } from 'zod'
import type { Problem } from '../problems'
import { joinPath, warningProblem } from '../problems'
import type { ProblemContext } from './zod-problems'
import { issueMessage, spellPath, zodProblems } from './zod-problems'

export type Repaired<T> =
  { ok: true; data: T; warnings: Problem[] } | { ok: false; errors: Problem[] }

/**
 * Parses `raw`; when every issue sits in a field placement can live without, drops those fields
 * (with a warning each) and parses again, so one bad value does not cost the whole record.
 */
export function parseRepairing<S extends z.ZodType>(
  schema: S,
  raw: Record<string, unknown>,
  ctx: ProblemContext,
  isDroppable: (path: readonly PropertyKey[]) => boolean,
): Repaired<z.output<S>> {
  const first = schema.safeParse(raw)
  if (first.success) return { ok: true, data: first.data, warnings: [] }
  const issues = first.error.issues
  if (!issues.every((issue) => isDroppable(issue.path)))
    return { ok: false, errors: zodProblems(ctx, first.error, raw) }
  const second = schema.safeParse(
    withoutPaths(
      raw,
      issues.map((i) => i.path),
    ),
  )
  if (!second.success) return { ok: false, errors: zodProblems(ctx, second.error, raw) }
  const warnings = issues.map((issue) =>
    warningProblem(
      ctx.file,
      joinPath(ctx.prefix, spellPath(issue.path, ctx.camel)),
      `${issueMessage(issue, raw)}; ignored`,
    ),
  )
  return { ok: true, data: second.data, warnings }
}

/** A copy without the values at `paths` (copying only the objects on the way). */
function withoutPaths(
  raw: Record<string, unknown>,
  paths: readonly (readonly PropertyKey[])[],
): Record<string, unknown> {
  const root: Record<string, unknown> = { ...raw }
  for (const path of paths) {
    let node: Record<PropertyKey, unknown> = root
    for (let i = 0; i < path.length - 1; i++) {
      const key = path[i] as PropertyKey
      const child = node[key]
      if (child === null || typeof child !== 'object') break
      const copy = Array.isArray(child) ? [...(child as unknown[])] : { ...child }
      node[key] = copy
      node = copy
    }
    const last = path.at(-1)
    if (last !== undefined) delete node[last]
  }
  return root
}
