import type { PlacedItem } from '../timeline'
import type { ReplyLatency } from './latency-breakdown'

export type RoleFilter = 'any' | 'user' | 'agent' | 'tool'

/** What the reviewer is looking for: every set condition must hold. */
export interface FindQuery {
  text: string
  role: RoleFilter
  interrupted: boolean
  /** Barge-ins and any other talk-over. */
  talkOver: boolean
  /** Only replies whose heard latency exceeds `slowerThanS`. */
  slow: boolean
  slowerThanS: number
  lowConfidence: boolean
  warnings: boolean
  flagged: boolean
}

export const EMPTY_QUERY: FindQuery = {
  text: '',
  role: 'any',
  interrupted: false,
  talkOver: false,
  slow: false,
  slowerThanS: 2,
  lowConfidence: false,
  warnings: false,
  flagged: false,
}

/** STT confidence under this is worth a listen (Deepgram finals are ~0.95 on clean speech). */
export const LOW_CONFIDENCE = 0.8

/** Facts about the corrected call the filters need, computed once per view. */
export interface FindContext {
  latencies: ReadonlyMap<string, ReplyLatency>
  talkOverIds: ReadonlySet<string>
  warningIds: ReadonlySet<string>
  flaggedIds: ReadonlySet<string>
}

export function isQueryActive(query: FindQuery): boolean {
  return (
    query.text.trim() !== '' ||
    query.role !== 'any' ||
    query.interrupted ||
    query.talkOver ||
    query.slow ||
    query.lowConfidence ||
    query.warnings ||
    query.flagged
  )
}

/** The text a search looks through: what was said, tool names, arguments and outputs. */
export function searchableText(item: PlacedItem): string {
  const source = item.source
  if (source.type === 'function_call') return `${source.name} ${source.arguments}`
  if (source.type === 'function_call_output') return `${source.name} ${source.output}`
  return item.text
}

function roleOf(item: PlacedItem): RoleFilter {
  if (item.type === 'function_call' || item.type === 'function_call_output') return 'tool'
  return item.lane === 'user' || item.lane === 'agent' ? item.lane : 'any'
}

function confidence(item: PlacedItem): number | undefined {
  return item.source.type === 'message' ? item.source.transcript_confidence : undefined
}

export function matches(item: PlacedItem, query: FindQuery, ctx: FindContext): boolean {
  if (query.role !== 'any' && roleOf(item) !== query.role) return false
  if (query.interrupted && !item.interrupted) return false
  if (query.talkOver && !ctx.talkOverIds.has(item.id)) return false
  if (query.slow) {
    const heard = ctx.latencies.get(item.id)?.heard
    if (heard === undefined || !(heard > query.slowerThanS)) return false
  }
  if (query.lowConfidence) {
    const value = confidence(item)
    if (value === undefined || value >= LOW_CONFIDENCE) return false
  }
  if (query.warnings && !ctx.warningIds.has(item.id)) return false
  if (query.flagged && !ctx.flaggedIds.has(item.id)) return false
  const needle = query.text.trim().toLowerCase()
  return needle === '' || searchableText(item).toLowerCase().includes(needle)
}

/** Ids of the matching items, in timeline order. */
export function findMatches(
  items: readonly PlacedItem[],
  query: FindQuery,
  ctx: FindContext,
): string[] {
  if (!isQueryActive(query)) return []
  return items.filter((item) => matches(item, query, ctx)).map((item) => item.id)
}

/**
 * The match to go to from the playhead: the first starting after it (next) or the last starting
 * before it (previous), wrapping around the call.
 */
export function stepMatch(
  starts: readonly number[],
  time: number,
  direction: 1 | -1,
): number | undefined {
  if (starts.length === 0) return undefined
  // Within 50 ms of a start counts as sitting on it, as for J/K.
  if (direction === 1) {
    const next = starts.findIndex((s) => s > time + 0.05)
    return next === -1 ? 0 : next
  }
  let previous = -1
  starts.forEach((s, i) => {
    if (s < time - 0.05) previous = i
  })
  return previous === -1 ? starts.length - 1 : previous
}
