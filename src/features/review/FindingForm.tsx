import { useState } from 'react'
import { findingsActions, useFindingsStore } from '../../store/findings-store'
import { formatClock } from '../player/playback-cursor'
import { cancelFinding, saveFinding, updateDraft, useFindingDraft } from './finding-draft'
import { useReviewFacts } from './review-facts'

/** Tag and note for the finding being written; Enter saves, Escape cancels. */
export function FindingForm() {
  const draft = useFindingDraft((s) => s.draft)
  const tags = useFindingsStore((s) => s.tags)
  const item = useReviewFacts()?.itemsById.get(draft?.itemId ?? '')
  const [newTag, setNewTag] = useState('')
  if (!draft) return null
  const addTag = () => {
    findingsActions.addTag(newTag)
    if (newTag.trim() !== '') updateDraft({ tag: newTag.trim() })
    setNewTag('')
  }
  return (
    <form
      className="finding-form"
      aria-label={draft.editingId ? 'Edit finding' : 'New finding'}
      onSubmit={(e) => {
        e.preventDefault()
        saveFinding()
      }}
      onKeyDown={(e) => {
        if (e.key === 'Escape') {
          e.preventDefault()
          cancelFinding()
        }
      }}
    >
      <p className="finding-target">
        {item ? (
          <>
            On the {item.lane === 'marker' ? item.type.replaceAll('_', ' ') : item.role} message at{' '}
            {formatClock(item.start)}: “{item.text.slice(0, 60)}
            {item.text.length > 60 ? '…' : ''}”
          </>
        ) : (
          <>
            From{' '}
            <input
              type="number"
              aria-label="Finding from, seconds"
              step={0.1}
              value={Number(draft.start.toFixed(3))}
              onChange={(e) =>
                Number.isFinite(e.target.valueAsNumber) &&
                updateDraft({ start: e.target.valueAsNumber })
              }
            />{' '}
            to{' '}
            <input
              type="number"
              aria-label="Finding to, seconds"
              step={0.1}
              value={Number(draft.end.toFixed(3))}
              onChange={(e) =>
                Number.isFinite(e.target.valueAsNumber) &&
                updateDraft({ end: e.target.valueAsNumber })
              }
            />{' '}
            s
          </>
        )}
      </p>
      <div className="finding-fields">
        <select
          aria-label="Tag"
          value={draft.tag}
          onChange={(e) => updateDraft({ tag: e.target.value })}
        >
          {tags.map((t) => (
            <option key={t} value={t}>
              {t}
            </option>
          ))}
        </select>
        <input
          type="text"
          data-finding-note=""
          aria-label="Note"
          placeholder="What went wrong"
          value={draft.note}
          onChange={(e) => updateDraft({ note: e.target.value })}
        />
        <button type="submit" className="primary">
          Save
        </button>
        <button type="button" onClick={cancelFinding}>
          Cancel
        </button>
      </div>
      <div className="finding-fields">
        <input
          type="text"
          aria-label="New tag"
          placeholder="Another tag…"
          value={newTag}
          onChange={(e) => setNewTag(e.target.value)}
          onKeyDown={(e) => {
            if (e.key === 'Enter') {
              e.preventDefault()
              addTag()
            }
          }}
        />
        <button type="button" disabled={newTag.trim() === ''} onClick={addTag}>
          Add tag
        </button>
      </div>
    </form>
  )
}
