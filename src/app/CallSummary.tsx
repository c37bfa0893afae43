import { useCallStore } from '../store/call-store'

const T0_LABEL = {
  audio_recording_started_at: 'report audio_recording_started_at',
  egress_file_started_at: 'Egress fileResults[0].startedAt (+0.10 s on agent speech)',
  first_user_speech: 'guessed from the first user speech in the audio',
  earliest_timestamp: 'guessed from the earliest timestamp − 1 s',
} as const

export function CallSummary() {
  const inputs = useCallStore((s) => s.inputs)
  const anchor = useCallStore((s) => s.timeline?.anchor)
  const { history, audio, timings, egress } = inputs
  return (
    <dl className="call-summary">
      <div>
        <dt>Recording</dt>
        <dd>
          {audio
            ? `${audio.name} · ${audio.channels ?? '?'} ch · ${audio.duration?.toFixed(1) ?? '?'} s`
            : 'none'}
        </dd>
      </div>
      <div>
        <dt>History</dt>
        <dd>
          {history
            ? `${history.file} · ${history.format.replace('_', ' ')} · ${history.items.length} items`
            : 'none'}
        </dd>
      </div>
      <div>
        <dt>Words</dt>
        <dd>{timings ? `${timings.file} · ${timings.segments.length} segments` : 'estimated'}</dd>
      </div>
      {egress && (
        <div>
          <dt>Egress</dt>
          <dd>{egress.file}</dd>
        </div>
      )}
      {anchor && (
        <div>
          <dt>t0</dt>
          <dd className={anchor.estimated ? 'warn' : undefined}>{T0_LABEL[anchor.t0Source]}</dd>
        </div>
      )}
    </dl>
  )
}
