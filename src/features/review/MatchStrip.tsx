import { useMemo } from 'react'
import { findingSpan } from '../../domain/review/findings'
import { useCallStore } from '../../store/call-store'
import { useFindingsStore } from '../../store/findings-store'
import { goToItem, useFindResult, useReviewFacts } from './review-facts'
import { player } from '../player/player'

/**
 * Under the waveform, the whole call at once: a tick for every search match and a band for every
 * finding, so the context of the playhead is never lost while the transcript is filtered.
 */
export function MatchStrip() {
  const facts = useReviewFacts()
  const result = useFindResult()
  const findings = useFindingsStore((s) => s.findings)
  const audioDuration = useCallStore((s) => s.inputs.audio?.duration)
  const duration = useMemo(() => {
    if (audioDuration) return audioDuration
    let end = 0
    for (const item of facts?.itemsById.values() ?? []) end = Math.max(end, item.end ?? item.start)
    return end
  }, [audioDuration, facts])
  if (!facts || duration <= 0 || (!result.active && findings.length === 0)) return null
  const percent = (s: number) => `${Math.min(100, Math.max(0, (s / duration) * 100))}%`
  return (
    <div className="match-strip" aria-label="Matches and findings over the call">
      {result.ids.map((id) => {
        const item = facts.itemsById.get(id)
        if (!item) return null
        return (
          <button
            key={id}
            type="button"
            className="match-tick"
            data-match-id={id}
            style={{ left: percent(item.start) }}
            title={`${item.text.slice(0, 80)} (${item.start.toFixed(1)} s)`}
            aria-label={`Match at ${item.start.toFixed(1)} s`}
            onClick={() => goToItem(id)}
          />
        )
      })}
      {findings.map((f) => {
        const span = findingSpan(f, facts.itemsById)
        return (
          <button
            key={f.id}
            type="button"
            className="finding-band"
            style={{
              left: percent(span.start),
              width: percent(Math.max(0, span.end - span.start)),
            }}
            title={`⚑ ${f.tag}: ${f.note}`}
            aria-label={`Finding ${f.tag} at ${span.start.toFixed(1)} s`}
            onClick={() => (f.itemId ? goToItem(f.itemId) : player.seek(span.start))}
          />
        )
      })}
    </div>
  )
}
