import type { AlignmentLayer } from '../domain/align/layer'
import { playsFromLink, useCallStore } from '../store/call-store'
import { useReviewStore } from '../store/review-store'
import { useWordTimingStore } from '../store/word-timing-store'

/** Where the recording's first sample sits in time: plain words, the field name in the tooltip. */
const T0_LABEL = {
  audio_recording_started_at: {
    text: 'from the session report',
    term: 'audio_recording_started_at',
  },
  egress_file_started_at: {
    text: 'from the Egress info (+0.10 s on agent speech)',
    term: 'fileResults[0].startedAt',
  },
  first_user_speech: { text: 'guessed from the first user speech', term: 'first_user_speech' },
  earliest_timestamp: { text: 'guessed from the earliest timestamp − 1 s', term: 't0' },
} as const

const LINK_NOTE =
  'Seeking reads the recording from its link: if the link expires, open the file itself.'

export function CallSummary() {
  const inputs = useCallStore((s) => s.inputs)
  const anchor = useCallStore((s) => s.timeline?.anchor)
  const alignment = useReviewStore((s) => s.corrections.alignment)
  const wordsTimed = useWordTimingStore((s) => s.layer.size)
  const wordsPending = useWordTimingStore((s) => s.pending)
  const { history, audio, timings, egress } = inputs
  // A large linked WAV, a reopened link and a download still coming in play from the link.
  const fromLink = audio !== undefined && playsFromLink(audio.url)
  return (
    <dl className="call-summary">
      <div>
        <dt>Recording</dt>
        <dd title={fromLink ? LINK_NOTE : undefined}>
          {audio
            ? `${audio.name} · ${audio.channels ?? '?'} ch · ${audio.duration?.toFixed(1) ?? '?'} s`
            : 'none'}
          {fromLink && ' · plays from its link'}
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
        <dd>
          {timings
            ? `${timings.file} · ${timings.segments.length} segments`
            : audioWordsWording(wordsTimed, wordsPending)}
        </dd>
      </div>
      {egress && (
        <div>
          <dt>Egress</dt>
          <dd>{egress.file}</dd>
        </div>
      )}
      {anchor && (
        <div>
          <dt title="t0: the time of the recording's first sample">Recording start</dt>
          <dd
            className={anchor.estimated && !alignment ? 'warn' : undefined}
            title={T0_LABEL[anchor.t0Source].term}
            data-testid="recording-start"
          >
            {T0_LABEL[anchor.t0Source].text}
            {alignment && `, then ${fittedWording(alignment)}`}
          </dd>
        </div>
      )}
    </dl>
  )
}

function fittedWording(alignment: AlignmentLayer): string {
  const sign = alignment.offset >= 0 ? '+' : '−'
  const drift = alignment.driftFitted ? `, drift ${Math.round(alignment.driftPpm)} ppm` : ''
  return `fitted to the audio (${sign}${Math.abs(alignment.offset).toFixed(2)} s${drift})`
}

function audioWordsWording(timed: number, pending: number): string {
  if (timed === 0 && pending === 0) return 'estimated'
  const waiting = pending > 0 ? ` (${pending} waiting)` : ''
  return `timed from the audio in ${timed} messages${waiting}`
}
