import type { ChatItem } from '../call'
import type { Problem } from '../problems'
import { describeValue, errorProblem, joinPath, warningProblem } from '../problems'
import { CHAT_ITEM_TYPES, chatItemSchema } from './chat-item-schemas'
import type { ProblemContext } from './zod-problems'
import { parseRepairing } from './repair'

/** Fields that placement can live without: a bad value is dropped, the item is kept. */
const DROPPABLE_TOP_LEVEL = new Set(['transcript_confidence', 'extra', 'created_at', 'group_id'])

function isDroppable(path: readonly PropertyKey[]): boolean {
  const [first, second] = path
  if (first === 'metrics') return second !== undefined
  return typeof first === 'string' && DROPPABLE_TOP_LEVEL.has(first) && path.length === 1
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
  const parsed = parseRepairing(chatItemSchema, record, ctx, isDroppable)
  if (!parsed.ok) {
    problems.push(...parsed.errors.map(markSkipped))
    return undefined
  }
  problems.push(...parsed.warnings)
  return parsed.data
}

function markSkipped(problem: Problem): Problem {
  return { ...problem, message: `${problem.message}; item skipped` }
}
