/**
 * Real-shaped samples (issue 6), written from the shapes LiveKit users' files were found in, each
 * built on the demo call so that it opens on the demo recording. README.md in this folder lists
 * the shape each one stands for.
 */
export interface CorpusSample {
  file: string
  summary: string
  opens: boolean
  kind?: 'history' | 'egress' | 'timings' | 'alignment'
  sdk?: 'python' | 'node'
  /** Substrings of the problems reported (path: message). */
  says: string[]
  neverSays?: string[]
}

export const CORPUS: CorpusSample[] = [
  {
    file: 'wrapped-history.json',
    summary: 'a history saved inside the user’s own wrapper object',
    opens: true,
    kind: 'history',
    says: [
      'transcript: a chat history or session report found inside a wrapper object, under "transcript"',
    ],
  },
  {
    file: 'wrapped-report.json',
    summary: 'a session report under "report"',
    opens: true,
    kind: 'history',
    says: ['found inside a wrapper object, under "report"'],
  },
  {
    file: 'commented-history.json',
    summary: 'JSON pasted with a // comment and trailing commas',
    opens: true,
    kind: 'history',
    says: ['read as JSON5'],
  },
  {
    file: 'mongodb-report.json',
    summary: 'a report exported from MongoDB ($numberDouble, $date, $oid)',
    opens: true,
    kind: 'history',
    sdk: 'python',
    says: ['MongoDB wrappers ($numberLong, $date, …) read as plain values'],
  },
  {
    file: 'report-error-events.json',
    summary: 'a Python report whose error events name their source as {model, provider}',
    opens: true,
    kind: 'history',
    says: [],
    neverSays: ['source'],
  },
  {
    file: 'node-history-snake-case.json',
    summary: 'a Node history with ms epochs and no camelCase key',
    opens: true,
    kind: 'history',
    sdk: 'node',
    says: [],
  },
  {
    file: 'history-created-at-only.json',
    summary: 'a history alone, placed from created_at on a guessed start',
    opens: true,
    kind: 'history',
    says: [],
  },
  {
    file: 'report-event-missing-time.json',
    summary: 'a report with an event that lost its created_at',
    opens: true,
    kind: 'history',
    says: ['events[1].created_at: missing: expected an epoch time'],
    neverSays: ['nothing'],
  },
  {
    file: 'egress-started-webhook.json',
    summary: 'an egress_started webhook (no file yet)',
    opens: false,
    says: ['event: an "egress_started" webhook'],
  },
  {
    file: 'egress-negative-duration.json',
    summary: 'an EgressInfo with a negative file duration (server bug)',
    opens: true,
    kind: 'egress',
    says: ['fileResults[0].duration: negative duration (-9.223 s, a known Egress server bug)'],
  },
  {
    file: 'egress-457-days-away.json',
    summary: 'an EgressInfo of a recording 457 days away from the demo call',
    opens: true,
    kind: 'egress',
    says: [],
  },
]
