import { useCallback, useMemo } from 'react'
import type { PlacedItem } from '../../domain/timeline'
import { useFindStore } from '../../store/find-store'
import { useFindResult } from './review-facts'

const EMPTY: readonly PlacedItem[] = []

/**
 * The transcript's rows: every item, or only the matches of an active search or filter. Index
 * maps both ways, since the playback cursor counts rows in the whole timeline.
 */
export function useShownItems(all: readonly PlacedItem[] = EMPTY) {
  const result = useFindResult()
  const onlyMatches = useFindStore((s) => s.onlyMatches)
  const filtered = result.active && onlyMatches
  const shown = useMemo(
    () => (filtered ? all.filter((i) => result.set.has(i.id)) : all),
    [all, filtered, result.set],
  )
  const toFull = useMemo(() => {
    if (!filtered) return undefined
    const position = new Map(all.map((item, index) => [item, index]))
    return shown.map((item) => position.get(item) ?? -1)
  }, [all, shown, filtered])
  const fullIndex = useCallback((row: number) => (toFull ? (toFull[row] ?? -1) : row), [toFull])
  const shownIndex = useCallback((full: number) => (toFull ? toFull.indexOf(full) : full), [toFull])
  return {
    items: shown,
    fullIndex,
    shownIndex,
    matches: result.active ? result.set : undefined,
  }
}
