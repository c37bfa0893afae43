import type { PlacedItem } from '../../domain/timeline'
import { formatClock } from '../player/playback-cursor'
import { prettyJson } from './pretty-json'
import { goToItem, useReviewFacts } from './review-facts'

/** A tool call or output in full, linked to its other half (same `call_id`). */
export function ToolCallDetails({ item }: { item: PlacedItem }) {
  const facts = useReviewFacts()
  const source = item.source
  if (source.type !== 'function_call' && source.type !== 'function_call_output') return null
  const partner = [...(facts?.itemsById.values() ?? [])].find(
    (other) =>
      other.id !== item.id &&
      (other.source.type === 'function_call' || other.source.type === 'function_call_output') &&
      other.source.call_id === source.call_id,
  )
  const isCall = source.type === 'function_call'
  const body = isCall ? source.arguments : source.output
  const failed = source.type === 'function_call_output' && source.is_error
  return (
    <div className={`tool-details ${failed ? 'tool-error' : ''}`} data-testid="tool-details">
      <p>
        <strong>{source.name || '(unnamed tool)'}</strong> <code>{source.call_id}</code>
        {failed && <span className="chip chip-warn">error</span>}
      </p>
      <details open>
        <summary>{isCall ? 'Arguments' : 'Output'}</summary>
        <pre>{prettyJson(body) || '(empty)'}</pre>
      </details>
      {partner ? (
        <button type="button" className="link" onClick={() => goToItem(partner.id)}>
          {isCall ? 'Go to its output' : 'Go to its call'} at {formatClock(partner.start)}
        </button>
      ) : (
        <p className="muted">{isCall ? 'No output in the history.' : 'No call in the history.'}</p>
      )}
    </div>
  )
}
