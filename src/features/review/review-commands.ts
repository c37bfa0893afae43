import type { Command } from '../../app/commands'
import { findingSpan, sortFindings } from '../../domain/review/findings'
import { stepMatch } from '../../domain/review/find'
import { currentCorrectedView } from '../../store/corrected-timeline'
import { useFindingsStore } from '../../store/findings-store'
import { player } from '../player/player'
import { startFinding } from './finding-draft'
import { focusSearch, stepToMatch } from './find-navigation'
import { goToFinding } from './finding-actions'
import { reviewFacts } from './review-facts'

const plain = (e: KeyboardEvent) => !e.ctrlKey && !e.metaKey && !e.altKey

function stepFinding(direction: 1 | -1) {
  const view = currentCorrectedView()
  if (!view) return
  const { itemsById } = reviewFacts(view)
  const sorted = sortFindings(useFindingsStore.getState().findings, itemsById)
  const starts = sorted.map((f) => findingSpan(f, itemsById).start)
  const index = stepMatch(starts, player.time(), direction)
  const finding = index === undefined ? undefined : sorted[index]
  if (finding) goToFinding(finding.id)
}

/** Find and findings keys, listed with the others under "Keyboard shortcuts". */
export const REVIEW_COMMANDS: Command[] = [
  {
    id: 'search',
    label: 'Search the call',
    keys: ['/', 'Ctrl+F'],
    test: (e) => (plain(e) && e.key === '/') || ((e.ctrlKey || e.metaKey) && e.key === 'f'),
    run: focusSearch,
  },
  {
    id: 'next-match',
    label: 'Next match (search or filter)',
    keys: ['N', 'F3'],
    test: (e) => plain(e) && !e.shiftKey && (e.key === 'n' || e.key === 'F3'),
    run: () => stepToMatch(1),
  },
  {
    id: 'prev-match',
    label: 'Previous match',
    keys: ['Shift+N', 'Shift+F3'],
    test: (e) => plain(e) && e.shiftKey && (e.key === 'N' || e.key === 'F3'),
    run: () => stepToMatch(-1),
  },
  {
    id: 'flag',
    label: 'Flag the selected message (or the last 5 s) with a tag and a note',
    keys: ['F'],
    test: (e) => plain(e) && !e.shiftKey && e.key === 'f',
    run: () => startFinding(),
  },
  {
    id: 'next-finding',
    label: 'Next finding',
    keys: ['G'],
    test: (e) => plain(e) && !e.shiftKey && e.key === 'g',
    run: () => stepFinding(1),
  },
  {
    id: 'prev-finding',
    label: 'Previous finding',
    keys: ['Shift+G'],
    test: (e) => plain(e) && e.shiftKey && e.key === 'G',
    run: () => stepFinding(-1),
  },
]
