import { COMMANDS } from './commands'

export function Shortcuts() {
  return (
    <details className="shortcuts">
      <summary>Keyboard shortcuts</summary>
      <dl>
        {COMMANDS.map((c) => (
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
    </details>
  )
}
