import { COMMANDS } from './commands'

/** Mouse and focus conventions that are not single keys. */
const GESTURES: { keys: string[]; label: string }[] = [
  { keys: ['Click'], label: 'Select a message and seek to it (keeps playing only if playing)' },
  { keys: ['Click a word'], label: 'Seek to that word' },
  { keys: ['Double-click'], label: 'Play the message' },
  { keys: ['Drag'], label: 'Move a message; drag its left or right edge to move only that end' },
  { keys: ['Alt+drag'], label: 'Drag without snapping to speech' },
  { keys: ['↑', '↓', 'Home', 'End'], label: 'In the transcript: move through every row' },
]

export function Shortcuts() {
  return (
    <details className="shortcuts">
      <summary>Keyboard shortcuts</summary>
      <dl>
        {[...COMMANDS, ...GESTURES.map((g) => ({ ...g, id: g.label }))].map((c) => (
          <div key={c.id}>
            <dt>
              {c.keys.map((k) => (
                <kbd key={k}>{k}</kbd>
              ))}
            </dt>
            <dd>{c.label}</dd>
          </div>
        ))}
      </dl>
      <p className="hint">
        Keys a focused control uses itself (Space or Enter on a button, arrows on a slider or a
        radio group, typing in a field) go to that control.
      </p>
    </details>
  )
}
