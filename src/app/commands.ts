import { jumpMessage, nudge } from '../features/correct/item-actions'
import { player } from '../features/player/player'
import {
  effectiveNudgeTarget,
  needsSelection,
  NUDGE_TARGETS,
  reviewActions,
  useReviewStore,
} from '../store/review-store'
import { ZOOM_STEPS } from '../features/player/zoom-steps'
import { REVIEW_COMMANDS } from '../features/review/review-commands'

/** One keyboard command: the same table drives the key handler and the shortcut list. */
export interface Command {
  id: string
  label: string
  keys: string[]
  /** True when the event is this command's key. */
  test: (e: KeyboardEvent) => boolean
  run: () => void
}

const key =
  (k: string, mods: { ctrl?: boolean; shift?: boolean } = {}) =>
  (e: KeyboardEvent) =>
    e.key === k &&
    (e.ctrlKey || e.metaKey) === !!mods.ctrl &&
    (mods.shift === undefined || e.shiftKey === mods.shift) &&
    !e.altKey

function zoomBy(direction: 1 | -1) {
  const current = useReviewStore.getState().zoom
  const index = ZOOM_STEPS.findIndex((z) => z >= current)
  const next =
    ZOOM_STEPS[Math.min(ZOOM_STEPS.length - 1, Math.max(0, (index === -1 ? 0 : index) + direction))]
  if (next !== undefined) reviewActions.setZoom(next)
}

export const COMMANDS: Command[] = [
  {
    id: 'play',
    label: 'Play / pause',
    keys: ['Space'],
    test: key(' '),
    run: () => void player.toggle(),
  },
  {
    id: 'prev',
    label: 'Previous message',
    keys: ['J', '↑'],
    test: (e) => key('j')(e) || key('ArrowUp')(e),
    run: () => jumpMessage(-1),
  },
  {
    id: 'next',
    label: 'Next message',
    keys: ['K', '↓'],
    test: (e) => key('k')(e) || key('ArrowDown')(e),
    run: () => jumpMessage(1),
  },
  {
    id: 'back',
    label: 'Back 5 s',
    keys: ['←'],
    test: key('ArrowLeft'),
    run: () => player.seek(player.time() - 5),
  },
  {
    id: 'fwd',
    label: 'Forward 5 s',
    keys: ['→'],
    test: key('ArrowRight'),
    run: () => player.seek(player.time() + 5),
  },
  { id: 'n-10', label: 'Nudge −10 ms', keys: [','], test: key(','), run: () => nudge(-0.01) },
  { id: 'n+10', label: 'Nudge +10 ms', keys: ['.'], test: key('.'), run: () => nudge(0.01) },
  { id: 'n-100', label: 'Nudge −100 ms', keys: ['['], test: key('['), run: () => nudge(-0.1) },
  { id: 'n+100', label: 'Nudge +100 ms', keys: [']'], test: key(']'), run: () => nudge(0.1) },
  { id: 'n-1000', label: 'Nudge −1 s', keys: ['{'], test: key('{'), run: () => nudge(-1) },
  { id: 'n+1000', label: 'Nudge +1 s', keys: ['}'], test: key('}'), run: () => nudge(1) },
  {
    id: 'target',
    label: 'Nudge target: all → agent lane → user lane → selected → selected and after',
    keys: ['T'],
    test: key('t'),
    run: cycleTarget,
  },
  {
    id: 'undo',
    label: 'Undo',
    keys: ['Ctrl+Z'],
    test: key('z', { ctrl: true, shift: false }),
    run: reviewActions.undo,
  },
  {
    id: 'redo',
    label: 'Redo',
    keys: ['Ctrl+Shift+Z', 'Ctrl+Y'],
    test: (e) =>
      key('Z', { ctrl: true, shift: true })(e) ||
      key('z', { ctrl: true, shift: true })(e) ||
      key('y', { ctrl: true })(e),
    run: reviewActions.redo,
  },
  {
    id: 'follow',
    label: 'Transcript follows playback',
    keys: ['A'],
    test: key('a'),
    run: reviewActions.toggleAutoscroll,
  },
  {
    id: 'zoom-in',
    label: 'Zoom in',
    keys: ['+'],
    test: (e) => key('+')(e) || key('=')(e),
    run: () => zoomBy(1),
  },
  { id: 'zoom-out', label: 'Zoom out', keys: ['−'], test: key('-'), run: () => zoomBy(-1) },
  {
    id: 'escape',
    label: 'Clear selection',
    keys: ['Esc'],
    test: key('Escape'),
    run: () => reviewActions.select(undefined),
  },
  ...REVIEW_COMMANDS,
]

function cycleTarget() {
  const state = useReviewStore.getState()
  const usable = NUDGE_TARGETS.filter((t) => state.selectedId !== undefined || !needsSelection(t))
  const next = usable[(usable.indexOf(effectiveNudgeTarget(state)) + 1) % usable.length]
  if (next) reviewActions.setNudgeTarget(next)
}

function isTyping(target: EventTarget | null): boolean {
  if (!(target instanceof HTMLElement)) return false
  return (
    target.isContentEditable ||
    (['INPUT', 'TEXTAREA', 'SELECT'].includes(target.tagName) &&
      (target as HTMLInputElement).type !== 'checkbox' &&
      (target as HTMLInputElement).type !== 'range')
  )
}

export function handleKeyDown(event: KeyboardEvent) {
  if (isTyping(event.target)) return
  const command = COMMANDS.find((c) => c.test(event))
  if (!command) return
  event.preventDefault()
  command.run()
}
