import { useDeferredValue, useMemo } from 'react'
import type { FindContext } from '../../domain/review/find'
import { findMatches, isQueryActive } from '../../domain/review/find'
import type { ReplyLatency } from '../../domain/review/latency-breakdown'
import { replyLatencies } from '../../domain/review/reply-latencies'
import type { PlacedItem } from '../../domain/timeline'
import { useCallStore } from '../../store/call-store'
import type { CorrectedView } from '../../store/corrected-timeline'
import { currentCorrectedView, useCorrectedView } from '../../store/corrected-timeline'
import { useFindStore } from '../../store/find-store'
import { useFindingsStore } from '../../store/findings-store'
import { reviewActions } from '../../store/review-store'
import { player } from '../player/player'

/** What the review features read from one corrected view. */
export interface ReviewFacts {
  latencies: Map<string, ReplyLatency>
  itemsById: Map<string, PlacedItem>
  talkOverIds: Set<string>
}

const cache = new WeakMap<CorrectedView, ReviewFacts>()

/** Computed once per corrected view (a correction makes a new one), for every reader. */
export function reviewFacts(view: CorrectedView): ReviewFacts {
  let facts = cache.get(view)
  if (!facts) {
    facts = {
      latencies: replyLatencies(view.timeline.items),
      itemsById: new Map(view.timeline.items.map((i) => [i.id, i])),
      talkOverIds: new Set(view.talkOver.flatMap((o) => [o.userId, o.agentId])),
    }
    cache.set(view, facts)
  }
  return facts
}

/**
 * Deferred: a correction that moves every message (an alignment, an undo) renders the timeline
 * first, and the latencies and the match strip in a render of their own that React can split.
 */
export function useReviewFacts(): ReviewFacts | undefined {
  const view = useDeferredValue(useCorrectedView())
  return view && reviewFacts(view)
}

export interface FindResult {
  active: boolean
  ids: string[]
  set: ReadonlySet<string>
}

const NO_MATCHES: FindResult = { active: false, ids: [], set: new Set() }

export function useFindResult(): FindResult {
  const view = useCorrectedView()
  const query = useFindStore((s) => s.query)
  const warnings = useCallStore((s) => s.warnings)
  const findings = useFindingsStore((s) => s.findings)
  return useMemo(() => {
    if (!view || !isQueryActive(query)) return NO_MATCHES
    const facts = reviewFacts(view)
    const ctx: FindContext = {
      latencies: facts.latencies,
      talkOverIds: facts.talkOverIds,
      warningIds: new Set(warnings.flatMap((w) => (w.itemId ? [w.itemId] : []))),
      flaggedIds: new Set(findings.flatMap((f) => (f.itemId ? [f.itemId] : []))),
    }
    const ids = findMatches(view.timeline.items, query, ctx)
    return { active: true, ids, set: new Set(ids) }
  }, [view, query, warnings, findings])
}

/** Select an item and put the playhead on it without playing (search, findings, summary). */
export function goToItem(id: string) {
  const item = currentCorrectedView()?.timeline.items.find((i) => i.id === id)
  if (!item) return
  reviewActions.select(id)
  player.seek(item.start)
  player.scrollToTime(item.start)
}
