import { create } from 'zustand'
import { currentCorrectedView } from '../../store/corrected-timeline'
import { findingsActions, useFindingsStore } from '../../store/findings-store'
import { useReviewStore } from '../../store/review-store'
import { player } from '../player/player'

/** The finding being written: on the selected message, or on a time range around the playhead. */
export interface FindingDraft {
  /** Set when an existing finding is being edited. */
  editingId?: string
  itemId?: string
  start: number
  end: number
  tag: string
  note: string
}

export const useFindingDraft = create<{ draft?: FindingDraft }>(() => ({}))

/** Without a selection, a finding covers the 5 s before the playhead (what was just heard). */
const RANGE_BEFORE_PLAYHEAD_S = 5

export function startFinding(tag?: string) {
  const { selectedId } = useReviewStore.getState()
  const item = currentCorrectedView()?.timeline.items.find((i) => i.id === selectedId)
  const chosen = tag ?? useFindingDraft.getState().draft?.tag ?? useFindingsStore.getState().tags[0]
  const common = { tag: chosen ?? 'other', note: '' }
  if (item) {
    useFindingDraft.setState({
      draft: { ...common, itemId: item.id, start: item.start, end: item.end ?? item.start },
    })
  } else {
    const t = player.time()
    const start = Math.max(0, t - RANGE_BEFORE_PLAYHEAD_S)
    useFindingDraft.setState({ draft: { ...common, start, end: Math.max(t, start) } })
  }
  // The form renders on the next frame; focus its note then.
  requestAnimationFrame(() => document.querySelector<HTMLElement>('[data-finding-note]')?.focus())
}

/** Edit an existing finding's tag and note in the same form. */
export function editFinding(id: string) {
  const finding = useFindingsStore.getState().findings.find((f) => f.id === id)
  if (!finding) return
  const { tag, note, start, end, itemId } = finding
  useFindingDraft.setState({
    draft: { editingId: id, tag, note, start, end, ...(itemId !== undefined ? { itemId } : {}) },
  })
  requestAnimationFrame(() => document.querySelector<HTMLElement>('[data-finding-note]')?.focus())
}

export function updateDraft(patch: Partial<FindingDraft>) {
  useFindingDraft.setState((s) => (s.draft ? { draft: { ...s.draft, ...patch } } : s))
}

export function cancelFinding() {
  useFindingDraft.setState({ draft: undefined })
}

export function saveFinding() {
  const { draft } = useFindingDraft.getState()
  if (!draft) return
  const { editingId, ...fields } = draft
  const note = draft.note.trim()
  const start = Math.min(draft.start, draft.end)
  const end = Math.max(draft.start, draft.end)
  if (editingId === undefined) findingsActions.add({ ...fields, start, end, note })
  else if (draft.itemId !== undefined) findingsActions.update(editingId, { tag: draft.tag, note })
  else findingsActions.update(editingId, { tag: draft.tag, note, start, end })
  useFindingDraft.setState({ draft: undefined })
}
