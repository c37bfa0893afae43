/** Every colour and mark on the waveform and in the transcript, in plain words. */
const ENTRIES: { swatch: string; label: string; term?: string }[] = [
  { swatch: 'lg-user', label: 'User speech (a message region)' },
  { swatch: 'lg-agent', label: 'Agent speech (a message region)' },
  { swatch: 'lg-active', label: 'Playing now' },
  { swatch: 'lg-selected', label: 'Selected' },
  { swatch: 'lg-cut', label: 'Reply cut off by the user', term: 'interrupted' },
  { swatch: 'lg-overlap', label: 'Both talking at once', term: 'talk-over, barge-in' },
  { swatch: 'lg-vad', label: 'User sound outside any turn', term: 'backchannel or noise (VAD)' },
  { swatch: 'lg-tool', label: 'Tool call', term: 'function_call' },
  { swatch: 'lg-result', label: 'Tool result', term: 'function_call_output' },
  { swatch: 'lg-note', label: 'Handoff or configuration change' },
  { swatch: 'lg-unheard', label: 'Words generated but never played' },
  { swatch: 'lg-audio-words', label: 'Word times found in the recording, not captured' },
  { swatch: 'lg-estimated', label: 'Word times estimated, not measured' },
]

const WORD_SWATCHES = new Set(['lg-unheard', 'lg-audio-words', 'lg-estimated'])

export function Legend() {
  return (
    <details className="legend">
      <summary>Legend</summary>
      <ul>
        {ENTRIES.map((e) => (
          <li key={e.swatch} title={e.term}>
            <span className={`lg ${e.swatch}`} aria-hidden="true">
              {WORD_SWATCHES.has(e.swatch) ? 'word' : ''}
            </span>
            {e.label}
            {e.term && <span className="lg-term"> ({e.term})</span>}
          </li>
        ))}
      </ul>
    </details>
  )
}
