import { useEffect } from 'react'
import type { RoleFilter } from '../../domain/review/find'
import { findActions, useFindStore } from '../../store/find-store'
import { useReviewStore } from '../../store/review-store'
import { setMatchIds, stepToMatch } from './find-navigation'
import { useFindResult } from './review-facts'

const FLAGS = [
  ['interrupted', 'interrupted'],
  ['talkOver', 'barge-in / talk-over'],
  ['lowConfidence', 'low STT confidence'],
  ['warnings', 'data warnings'],
  ['flagged', 'flagged'],
] as const

/** Search and filters over the whole call, not only the rows in the page. */
export function FindBar() {
  const query = useFindStore((s) => s.query)
  const onlyMatches = useFindStore((s) => s.onlyMatches)
  const selectedId = useReviewStore((s) => s.selectedId)
  const result = useFindResult()
  useEffect(() => setMatchIds(result.ids), [result.ids])
  const position = selectedId === undefined ? -1 : result.ids.indexOf(selectedId)
  const count = !result.active
    ? ''
    : position >= 0
      ? `${position + 1} of ${result.ids.length}`
      : `${result.ids.length} ${result.ids.length === 1 ? 'match' : 'matches'}`

  return (
    <div className="find-bar" role="search" aria-label="Find in the call">
      <div className="find-row">
        <input
          type="search"
          data-find-input=""
          placeholder="Search words, tools, arguments…  ( / )"
          aria-label="Search the transcript"
          value={query.text}
          onChange={(e) => findActions.setQuery({ text: e.target.value })}
          onKeyDown={(e) => {
            if (e.key === 'Enter') {
              e.preventDefault()
              stepToMatch(e.shiftKey ? -1 : 1)
            } else if (e.key === 'Escape') {
              e.currentTarget.blur()
            }
          }}
        />
        <span className="find-count" data-testid="match-count" aria-live="polite">
          {count}
        </span>
        <button
          type="button"
          aria-label="Previous match"
          title="Previous match (Shift+Enter, Shift+F3)"
          disabled={result.ids.length === 0}
          onClick={() => stepToMatch(-1)}
        >
          ↑
        </button>
        <button
          type="button"
          aria-label="Next match"
          title="Next match (Enter, F3)"
          disabled={result.ids.length === 0}
          onClick={() => stepToMatch(1)}
        >
          ↓
        </button>
        <button type="button" disabled={!result.active} onClick={findActions.clear}>
          Clear
        </button>
      </div>
      <div className="find-row find-filters">
        <select
          aria-label="Role"
          value={query.role}
          onChange={(e) => findActions.setQuery({ role: e.target.value as RoleFilter })}
        >
          <option value="any">any role</option>
          <option value="user">user</option>
          <option value="agent">agent</option>
          <option value="tool">tool calls</option>
        </select>
        <label className="toggle">
          <input
            type="checkbox"
            checked={query.slow}
            onChange={(e) => findActions.setQuery({ slow: e.target.checked })}
          />
          slower than
        </label>
        <input
          type="number"
          aria-label="Slower than, seconds"
          className="slower-than"
          min={0}
          step={0.1}
          value={query.slowerThanS}
          onChange={(e) => {
            const value = e.target.valueAsNumber
            if (Number.isFinite(value) && value >= 0) findActions.setQuery({ slowerThanS: value })
          }}
        />
        <span>s</span>
        {FLAGS.map(([key, label]) => (
          <label key={key} className="toggle">
            <input
              type="checkbox"
              checked={query[key]}
              onChange={(e) => findActions.setQuery({ [key]: e.target.checked })}
            />
            {label}
          </label>
        ))}
        <label className="toggle" title="Off: every row stays, the matches are highlighted">
          <input type="checkbox" checked={onlyMatches} onChange={findActions.toggleOnlyMatches} />
          only matches
        </label>
      </div>
    </div>
  )
}
