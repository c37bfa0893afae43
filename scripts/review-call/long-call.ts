/**
 * A long call for reviewing (issue #8): ≥ 300 spoken messages in the Python SessionReport shape,
 * a stereo WAV with a tone wherever someone speaks (left = user, right = agent), and the exact
 * truth the tests check against: which replies are slow, where a unique phrase was said.
 */
export interface LongCallTruth {
  duration_s: number
  messages: number
  /** Every agent reply to a user turn: its heard latency (exact, from the layout). */
  replies: { id: string; user_id: string; latency_s: number }[]
  /** Replies slower than 2 s. */
  slow_over_2s: string[]
  /** A phrase said once, far down the call. */
  phrase: { text: string; id: string; start_s: number }
  /** Ids of every spoken message, in order. */
  spoken_ids: string[]
}

export interface LongCall {
  report: string
  wav: Uint8Array
  truth: LongCallTruth
}

const T0 = 1764100000.5
const WORD_S = 0.32
export const UNIQUE_PHRASE = 'purple elephant invoice'

const USER_WORDS = ['my', 'bill', 'is', 'higher', 'this', 'month', 'can', 'you', 'check', 'why']
const AGENT_WORDS = ['sure', 'let', 'me', 'look', 'at', 'your', 'account', 'one', 'moment', 'now']

function rng(seed: number) {
  let s = seed >>> 0
  return () => {
    s = (s * 1664525 + 1013904223) >>> 0
    return s / 2 ** 32
  }
}

const round = (s: number) => Math.round(s * 1e6) / 1e6

/**
 * `pairs` user/agent exchanges after a greeting. Every 9th reply is slow (2.3–3.4 s); the others
 * take 0.7–1.7 s, so none sits near the 2 s line a test filters on.
 */
export function longCall(pairs = 152, seed = 11): LongCall {
  const random = rng(seed)
  const items: unknown[] = []
  const spans: { lane: 0 | 1; start: number; end: number }[] = []
  const replies: LongCallTruth['replies'] = []
  const spokenIds: string[] = []
  let phrase: LongCallTruth['phrase'] | undefined
  let at = 0.6
  let counter = 0
  const nextId = () => `item_${(++counter).toString(16).padStart(12, '0')}`

  const say = (role: 'user' | 'assistant', text: string, metrics: Record<string, unknown>) => {
    const id = nextId()
    const start = at
    const end = round(start + text.split(' ').length * WORD_S)
    const message: Record<string, unknown> = {
      id,
      type: 'message',
      role,
      content: [text],
      interrupted: false,
      extra: {},
      metrics: {
        started_speaking_at: T0 + start,
        stopped_speaking_at: T0 + end,
        ...metrics,
      },
      created_at: role === 'user' ? T0 + end + 0.6 : T0 + start - 0.5,
    }
    if (role === 'user') message.transcript_confidence = random() < 0.05 ? 0.62 : 0.95
    items.push(message)
    spans.push({ lane: role === 'user' ? 0 : 1, start, end })
    spokenIds.push(id)
    at = end
    return { id, start, end }
  }
  const words = (pool: string[], count: number) =>
    Array.from({ length: count }, () => pool[Math.floor(random() * pool.length)]).join(' ')

  say('assistant', 'hello thanks for calling how can I help', {})
  for (let pair = 0; pair < pairs; pair++) {
    at = round(at + 0.5 + random() * 0.6)
    const userText =
      pair === Math.floor(pairs * 0.82)
        ? `I got a ${UNIQUE_PHRASE} twice`
        : words(USER_WORDS, 3 + Math.floor(random() * 4))
    const endOfTurn = round(0.45 + random() * 0.2)
    const user = say('user', userText, {
      transcription_delay: round(0.2 + random() * 0.05),
      end_of_turn_delay: endOfTurn,
      stt_metadata: { model_name: 'nova-3', model_provider: 'Deepgram' },
    })
    if (userText.includes(UNIQUE_PHRASE))
      phrase = { text: UNIQUE_PHRASE, id: user.id, start_s: user.start }
    const slow = pair % 9 === 4
    const latency = round(slow ? 2.3 + random() * 1.1 : 0.7 + random() * 1.0)
    if (pair % 15 === 7) {
      const call = nextId()
      items.push({
        id: `${call}/fnc_0`,
        type: 'function_call',
        call_id: `call_${pair}`,
        name: 'lookup_invoice',
        arguments: JSON.stringify({ account: `AC-${1000 + pair}`, month: '2026-11' }),
        created_at: T0 + user.end + endOfTurn + 0.1,
        extra: {},
      })
      items.push({
        id: nextId(),
        type: 'function_call_output',
        call_id: `call_${pair}`,
        name: 'lookup_invoice',
        output: JSON.stringify({ total: 42 + pair, currency: 'USD' }),
        is_error: pair % 30 === 22,
        created_at: T0 + user.end + endOfTurn + 0.3,
      })
    }
    at = round(user.end + latency)
    const llm = round(0.3 + random() * 0.2)
    const tts = round(0.15 + random() * 0.1)
    const reply = say('assistant', words(AGENT_WORDS, 4 + Math.floor(random() * 6)), {
      llm_node_ttft: llm,
      tts_node_ttfb: tts,
      e2e_latency: latency,
      llm_metadata: { model_name: 'gpt-4.1-mini', model_provider: 'api.openai.com' },
      tts_metadata: { model_name: 'sonic-3', model_provider: 'Cartesia' },
    })
    replies.push({ id: reply.id, user_id: user.id, latency_s: latency })
  }
  const duration = round(at + 2)
  const report = {
    job_id: 'AJ_review',
    room_id: 'RM_review',
    room: 'review-long-call',
    events: [],
    audio_recording_path: 'audio.wav',
    audio_recording_started_at: T0,
    options: {},
    chat_history: { items },
    timestamp: T0 + duration,
    sdk_version: '1.7.0',
  }
  if (!phrase) throw new Error('the unique phrase was not placed')
  return {
    report: JSON.stringify(report),
    wav: toneWav(spans, duration),
    truth: {
      duration_s: duration,
      messages: spokenIds.length,
      replies,
      slow_over_2s: replies.filter((r) => r.latency_s > 2).map((r) => r.id),
      phrase,
      spoken_ids: spokenIds,
    },
  }
}

const RATE = 8000

/** 8-bit stereo PCM WAV: a 220 Hz (user) or 330 Hz (agent) tone over each spoken span. */
export function toneWav(
  spans: readonly { lane: 0 | 1; start: number; end: number }[],
  duration: number,
): Uint8Array {
  const frames = Math.ceil(duration * RATE)
  const bytes = new Uint8Array(44 + frames * 2).fill(128, 44)
  const view = new DataView(bytes.buffer)
  const text = (offset: number, s: string) =>
    [...s].forEach((c, i) => view.setUint8(offset + i, c.charCodeAt(0)))
  text(0, 'RIFF')
  view.setUint32(4, 36 + frames * 2, true)
  text(8, 'WAVE')
  text(12, 'fmt ')
  view.setUint32(16, 16, true)
  view.setUint16(20, 1, true) // PCM
  view.setUint16(22, 2, true) // channels
  view.setUint32(24, RATE, true)
  view.setUint32(28, RATE * 2, true) // byte rate
  view.setUint16(32, 2, true) // block align
  view.setUint16(34, 8, true) // bits per sample
  text(36, 'data')
  view.setUint32(40, frames * 2, true)
  for (const span of spans) {
    const hz = span.lane === 0 ? 220 : 330
    const from = Math.max(0, Math.round(span.start * RATE))
    const to = Math.min(frames, Math.round(span.end * RATE))
    for (let f = from; f < to; f++)
      bytes[44 + f * 2 + span.lane] = 128 + Math.round(90 * Math.sin((2 * Math.PI * hz * f) / RATE))
  }
  return bytes
}
