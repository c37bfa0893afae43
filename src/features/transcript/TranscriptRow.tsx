import { memo } from 'react'
import type { MouseEvent, Ref } from 'react'
import type { PlacedItem, PlacedWord } from '../../domain/timeline'
import { MEASURED_BASES } from '../../domain/timeline'
import { playItem, selectItem } from '../correct/item-actions'
import { formatClock } from '../player/playback-cursor'
import { LOW_CONFIDENCE } from '../../domain/align/layer'
import { RowReviewChips } from '../review/RowReviewChips'
import { RowWords } from './RowWords'
import { BASIS_LABEL } from './basis-label'
import { WORDS_SOURCE_LABEL } from './words-source-label'

interface Props {
  ref: Ref<HTMLLIElement>
  index: number
  /** Index in the whole timeline (the playback cursor's row), when the list is filtered. */
  rowIndex?: number
  /** Matches the current search or filter. */
  match?: boolean | undefined
  /** Rows in the whole list, for assistive tech: only some are rendered at a time. */
  setSize: number
  /** The one row Tab reaches (roving focus). */
  tabbable: boolean
  top: number
  item: PlacedItem
  selected: boolean
  nudge: number
  /** Data checks that flagged this item. */
  warnings: string[] | undefined
  /** Seconds this user turn overlapped the agent it cut into. */
  bargeIn: number | undefined
}

const ROLE_LABEL = { user: 'User', agent: 'Agent' } as const

export const TranscriptRow = memo(function TranscriptRow({
  ref,
  index,
  rowIndex = index,
  match,
  setSize,
  tabbable,
  top,
  item,
  selected,
  nudge,
  warnings,
  bargeIn,
}: Props) {
  const spoken = item.lane !== 'marker'
  return (
    <li
      ref={ref}
      data-index={index}
      data-row={rowIndex}
      data-match={match ? '' : undefined}
      data-id={item.id}
      data-start={item.start}
      className={`row row-${item.lane} row-${item.type}`}
      style={{ transform: `translateY(${top}px)` }}
      role="option"
      aria-selected={selected}
      aria-posinset={index + 1}
      aria-setsize={setSize}
      tabIndex={tabbable ? 0 : -1}
      onClick={(e) => selectItem(item.id, clickedWordStart(e, item.words))}
      onDoubleClick={() => playItem(item.id)}
    >
      <div className="row-meta">
        <span className={`who who-${item.lane}`}>
          {spoken ? ROLE_LABEL[item.lane as 'user' | 'agent'] : markerLabel(item)}
        </span>
        <span className="time">{formatClock(item.start)}</span>
        <RowReviewChips id={item.id} />
        <span className="chip chip-basis" title={BASIS_LABEL[item.basis].help}>
          {BASIS_LABEL[item.basis].short}
        </span>
        <AlignmentChip item={item} />
        <Disagreements item={item} />
        {nudge !== 0 && (
          <span className="chip chip-nudge" title="Your correction for this item">
            {nudge > 0 ? '+' : ''}
            {(nudge * 1000).toFixed(0)} ms
          </span>
        )}
        {item.interrupted && <span className="chip chip-cut">interrupted</span>}
        {bargeIn !== undefined && (
          <span className="chip chip-cut" title="Started while the agent was speaking">
            barge-in {bargeIn.toFixed(2)} s
          </span>
        )}
        {warnings && (
          <span className="chip chip-warn" title={warnings.join('\n')}>
            check data
          </span>
        )}
        {spoken && (
          <span
            className="chip"
            data-testid="words-source"
            title={WORDS_SOURCE_LABEL[item.wordsSource].help}
          >
            {WORDS_SOURCE_LABEL[item.wordsSource].short}
          </span>
        )}
      </div>
      {spoken ? (
        <RowWords words={item.words} source={item.wordsSource} />
      ) : (
        <p className="marker-text">{item.text}</p>
      )}
    </li>
  )
})

/** A click on a word seeks to that word; elsewhere in the row, to the message start. */
function clickedWordStart(event: MouseEvent, words: readonly PlacedWord[]): number | undefined {
  const word = (event.target as HTMLElement).closest<HTMLElement>('[data-w]')
  return word ? words[Number(word.dataset.w)]?.start : undefined
}

function markerLabel(item: PlacedItem): string {
  switch (item.type) {
    case 'function_call':
      return 'Tool call'
    case 'function_call_output':
      return 'Tool result'
    case 'agent_handoff':
      return 'Handoff'
    case 'agent_config_update':
      return 'Config'
    case 'message':
      return item.role ?? 'Message'
  }
}

/** Past the TTS lead-in and VAD jitter, a measured source that disagrees is worth a look. */
const DIFFER_S = 0.15

/** Measured sources that put this message somewhere else than the one that placed it. */
function Disagreements({ item }: { item: PlacedItem }) {
  const differ = item.alternatives.filter(
    (a) => Math.abs(a.delta) >= DIFFER_S && MEASURED_BASES.has(a.basis),
  )
  return differ.map((a) => (
    <span
      key={a.basis}
      className="chip chip-alt"
      title={`${BASIS_LABEL[a.basis].help}: starts ${a.delta.toFixed(3)} s from here`}
    >
      {BASIS_LABEL[a.basis].short} {a.delta > 0 ? '+' : '−'}
      {Math.abs(a.delta).toFixed(2)} s
    </span>
  ))
}

/** How sure the audio alignment is; low and unmatched items are flagged for a listen. */
function AlignmentChip({ item }: { item: PlacedItem }) {
  if (item.confidence === undefined) return null
  const percent = Math.round(item.confidence * 100)
  if (item.alignStatus === 'unmatched')
    return (
      <span
        className="chip chip-warn"
        data-testid="align-flag"
        title="No speech was found for this message: it sits where its clock puts it"
      >
        not found in audio: check
      </span>
    )
  const low = item.confidence < LOW_CONFIDENCE
  return (
    <span
      className={`chip ${low ? 'chip-warn' : 'chip-basis'}`}
      data-testid={low ? 'align-flag' : 'align-confidence'}
      title="How well the speech found fits what the history expects"
    >
      {low ? `unsure match ${percent} %: check` : `${percent} % sure`}
    </span>
  )
}
