import type { ChatItem } from '../call'
import type { Problem } from '../problems'
import { describeValue, errorProblem, joinPath, warningProblem } from '../problems'
import { CHAT_ITEM_TYPES, chatItemSchema } from './chat-item-schemas'
import type { ProblemContext } from './zod-problems'
import { issueMessage, spellPath, zodProblems } from './zod-problems'

/** Fields that placement can live without: a bad value is dropped, the item is kept. */
const DROPPABLE_TOP_LEVEL = new Set(['transcript_confidence', 'extra', 'created_at', 'group_id'])

function isDroppable(path: readonly PropertyKey[]): boolean {
  const [first, second] = path
  if (first === 'metrics') return second !== undefined
  return typeof first === 'string' && DROPPABLE_TOP_LEVEL.has(first) && path.length === 1
}

function withoutPaths(
  raw: Record<string, unknown>,
  paths: PropertyKey[][],
): Record<string, unknown> {
  const copy: Record<string, unknown> = { ...raw }
  const metrics = copy.metrics
  if (metrics !== null && typeof metrics === 'object') copy.metrics = { ...metrics }
  for (const path of paths) {
    const [first, second] = path
    if (path.length === 1 && typeof first === 'string') delete copy[first]
    else if (first === 'metrics' && typeof second === 'string') {
      delete (copy.metrics as Record<string, unknown>)[second]
    }
  }
  return copy
}

/**
 * Parses each item on its own, like a restore: a bad optional field is dropped with a warning,
 * a bad item is skipped with an error, and the rest of the history survives.
 */
export function parseChatItems(
  rawItems: readonly unknown[],
  ctx: ProblemContext,
): { items: ChatItem[]; problems: Problem[] } {
  const items: ChatItem[] = []
  const problems: Problem[] = []
  const seen = new Set<string>()
  rawItems.forEach((raw, index) => {
    const itemCtx = { ...ctx, prefix: joinPath(ctx.prefix, `[${index}]`) }
    const item = parseOne(raw, itemCtx, problems)
    if (!item) return
    if (seen.has(item.id)) {
      problems.push(warningProblem(ctx.file, itemCtx.prefix, `duplicate id "${item.id}"; skipped`))
      return
    }
    seen.add(item.id)
    items.push(item)
  })
  return { items, problems }
}

function parseOne(raw: unknown, ctx: ProblemContext, problems: Problem[]): ChatItem | undefined {
  if (raw === null || typeof raw !== 'object' || Array.isArray(raw)) {
    problems.push(
      errorProblem(ctx.file, ctx.prefix, `expected an object, got ${describeValue(raw)}`),
    )
    return undefined
  }
  const record = raw as Record<string, unknown>
  const type = record.type
  if (typeof type === 'string' && !(CHAT_ITEM_TYPES as readonly string[]).includes(type)) {
    problems.push(
      warningProblem(
        ctx.file,
        joinPath(ctx.prefix, 'type'),
        `unknown item type "${type}"; skipped`,
      ),
    )
    return undefined
  }
  const first = chatItemSchema.safeParse(record)
  if (first.success) return first.data
  const droppable = first.error.issues.filter((issue) => isDroppable(issue.path))
  if (droppable.length < first.error.issues.length) {
    problems.push(...zodProblems(ctx, first.error, record).map(markSkipped))
    return undefined
  }
  const repaired = chatItemSchema.safeParse(
    withoutPaths(
      record,
      droppable.map((i) => [...i.path]),
    ),
  )
  if (!repaired.success) {
    problems.push(...zodProblems(ctx, repaired.error, record).map(markSkipped))
    return undefined
  }
  for (const issue of droppable) {
    const path = joinPath(ctx.prefix, spellPath(issue.path, ctx.camel))
    problems.push(warningProblem(ctx.file, path, `${issueMessage(issue, record)}; ignored`))
  }
  return repaired.data
}

function markSkipped(problem: Problem): Problem {
  return { ...problem, message: `${problem.message}; item skipped` }
}
