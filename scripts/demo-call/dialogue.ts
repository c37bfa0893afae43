// The demo call as data: who says what, in which order, with which ids and latencies.
// Everything downstream (audio layout, report, word timings, truth) is computed from this file.

import type { JsonValue } from './py-json.js'

export const AGENT_VOICE = 'en-us+f3'
export const USER_VOICE = 'en-gb+m3'
export const WORDS_PER_MINUTE = 165

/** Silence after a word, and after a word that ends with , . ? or ! */
export const WORD_GAP_MS = 50
export const PUNCTUATION_GAP_MS = 250
/** Where playback stops inside the gap after the last heard word of an interrupted reply. */
export const CUT_AFTER_WORD_MS = 30
export const FIRST_WORD_AT_MS = 900
export const TRAILING_SILENCE_MS = 1100

export const SESSION = {
  jobId: 'AJ_Tn4Vq8Rz2Kw6Ls',
  roomId: 'RM_H3pZ9xWq5Nc2Lb',
  room: 'support-call-9b41d7',
  agentId: 'support_agent',
  handoffId: 'item_3f0c9a17e2b4',
  configUpdateId: 'item_8a4d2e6b1c90',
  instructions:
    'You are Ava, a friendly voice support agent for Northwind Mobile. Keep answers short. ' +
    'Use find_duplicate_charges for billing complaints and apply_bill_credit to credit an account.',
  tools: ['find_duplicate_charges', 'apply_bill_credit'],
  recordingPath: '/tmp/tmpw7d2k9ra/audio.ogg',
} as const

export interface LlmTimings {
  ttft: number
  tps: number
  ttfs: number
  ttfb: number
  playbackLatency: number
}

export interface ToolSpec {
  callId: string
  outputId: string
  name: string
  arguments: JsonValue
  output: JsonValue
  /** Tool start, in ms after the turn's started_speaking_at (or after the user turn's created_at). */
  startAfterMs: number
  durationMs: number
}

export interface AssistantTurn {
  role: 'assistant'
  id: string
  speechId: string
  text: string
  /** Silence between the end of the previous turn and this turn's first word. */
  gapMs: number
  /** greeting: no user turn before; answer: replies to the last user turn; tool_reply: step 2 */
  reply: 'greeting' | 'answer' | 'tool_reply'
  llm: LlmTimings
  /** A tool that runs while this turn is playing (the step-1 text + tool call pattern). */
  tool?: ToolSpec
  /** A tool-only first step (no text) that runs before this reply. */
  toolOnlyStep?: { generationId: string; tool: ToolSpec }
  /** Set when the user barges in: how many words were played before the cut. */
  heardWords?: number
}

export interface UserTurn {
  role: 'user'
  id: string
  text: string
  /** Silence between the end of the previous turn and this turn's first word. */
  gapMs: number
  /** Set for a barge-in: the turn starts this long before the agent audio is cut. */
  bargeInOverlapMs?: number
  transcriptionDelay: number
  endOfTurnDelay: number
  onUserTurnCompletedDelay: number
  /** How many words the single interim transcript holds. */
  interimWords: number
}

export type Turn = AssistantTurn | UserTurn

/** A short user sound during agent speech that is not a turn (VAD events only). */
export interface Backchannel {
  text: string
  duringTurnId: string
  atWordIndex: number
  offsetMs: number
}

const llm = (ttft: number, tps: number, ttfs: number, ttfb: number, playbackLatency: number) => ({
  ttft,
  tps,
  ttfs,
  ttfb,
  playbackLatency,
})

const user = (
  id: string,
  text: string,
  gapMs: number,
  delays: [transcription: number, endOfTurn: number, onTurnCompleted: number],
  interimWords: number,
): UserTurn => ({
  role: 'user',
  id,
  text,
  gapMs,
  transcriptionDelay: delays[0],
  endOfTurnDelay: delays[1],
  onUserTurnCompletedDelay: delays[2],
  interimWords,
})

export const TURNS: Turn[] = [
  {
    role: 'assistant',
    id: 'item_c19e7a3f52d0',
    speechId: 'speech_0e4b7c2a9f61',
    text: 'Hi, thanks for calling Northwind Mobile, this is Ava. How can I help?',
    gapMs: FIRST_WORD_AT_MS,
    reply: 'greeting',
    llm: llm(0.47305, 40.8, 0.59127, 0.21446, 0.00021),
  },
  user(
    'item_5b82d0f4a1e7',
    'Hi. I was charged twice for my phone bill this month.',
    1040,
    [0.2417, 0.5833, 4.07e-5],
    4,
  ),
  {
    role: 'assistant',
    id: 'item_e7d3096c4b18',
    speechId: 'speech_7a3d1f0c8e52',
    text: "I'm sorry about that. I can check that for you. What's the phone number on the account?",
    gapMs: 1190,
    reply: 'answer',
    llm: llm(0.40162, 39.4, 0.51208, 0.20517, 0.00019),
  },
  user(
    'item_2a6f1c8e9d43',
    "Sure, it's five five five, two one eight, four four seven zero.",
    880,
    [0.2288, 0.6012, 3.92e-5],
    5,
  ),
  {
    role: 'assistant',
    id: 'item_94c0b7e21f6a',
    speechId: 'speech_c5e2a9b70d14',
    text: 'Thanks. One moment while I pull up your billing history.',
    gapMs: 1210,
    reply: 'answer',
    llm: llm(0.43377, 36.9, 0.53841, 0.19982, 0.0002),
    tool: {
      callId: 'call_Vx7Rk2Nq9Lm4Tz8Pc3Wd6Fh',
      outputId: 'item_0d5e3a9c7b21',
      name: 'find_duplicate_charges',
      arguments: { phone_number: '+15552184470' },
      output: {
        duplicates: [{ charge_id: 'ch_7Q2M9K', amount: 42.0, date: '2025-11-03' }],
        currency: 'USD',
      },
      startAfterMs: 264.1,
      durationMs: 1183.6,
    },
  },
  {
    role: 'assistant',
    id: 'item_f2b81c6d0a5e',
    speechId: 'speech_c5e2a9b70d14',
    text:
      'Okay, I see two charges of forty two dollars. The second one is a duplicate, so I can ' +
      'refund it to your card. Refunds usually take three to five business days.',
    gapMs: 870,
    reply: 'tool_reply',
    llm: llm(0.51964, 44.2, 0.60418, 0.22731, 0.00018),
    heardWords: 20,
  },
  {
    ...user(
      'item_6c1a4f9e3d27',
      'Actually, could you put it on my next bill instead?',
      0,
      [0.2561, 0.6187, 4.41e-5],
      4,
    ),
    bargeInOverlapMs: 600,
  },
  {
    role: 'assistant',
    id: 'item_a08f6d3c1e95',
    speechId: 'speech_3b9f6e1d4a07',
    text: "Done, I've credited forty two dollars to your next bill. Anything else I can help with?",
    gapMs: 2370,
    reply: 'answer',
    llm: llm(0.44819, 41.5, 0.52736, 0.20093, 0.0002),
    toolOnlyStep: {
      generationId: 'item_b3e97d2a0c64',
      tool: {
        callId: 'call_Bj5Ys1Gq8Km3Xr7Nt2Lz9Qe',
        outputId: 'item_7e2c5b0a9f13',
        name: 'apply_bill_credit',
        arguments: { phone_number: '+15552184470', charge_id: 'ch_7Q2M9K', amount: 42.0 },
        output: { credit_id: 'CR-30417', amount: 42.0, applies_to: '2025-12 bill' },
        startAfterMs: 412.3,
        durationMs: 684.9,
      },
    },
  },
  user('item_1f7b9e4d2c08', "No, that's all. Thanks, Ava.", 960, [0.2203, 0.5791, 3.85e-5], 3),
  {
    role: 'assistant',
    id: 'item_d46a2b8f7e31',
    speechId: 'speech_e81c4a7f2b39',
    text: "You're welcome. Have a great day!",
    gapMs: 1150,
    reply: 'answer',
    llm: llm(0.38702, 40.1, 0.47915, 0.19057, 0.00019),
  },
]

export const BACKCHANNEL: Backchannel = {
  text: 'okay',
  duringTurnId: 'item_e7d3096c4b18',
  atWordIndex: 8,
  offsetMs: 120,
}

/** Per-word STT confidences, cycled over the user's words. */
export const STT_CONFIDENCES = [0.962, 0.948, 0.981, 0.937, 0.973, 0.955, 0.989]
