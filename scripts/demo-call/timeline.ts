// The wall clock of the call: turns every placed turn into epoch times following formats.md §1.4
// (user created_at after end of turn, assistant created_at = reply start, tools while/after text).

import type { AssistantTurn, ToolSpec, UserTurn } from './dialogue.js'
import type { Layout, PlacedTurn } from './layout.js'
import { SESSION_T_US, epochOf, ms, sec, type Micros } from './time.js'

export const GREETING_CREATED_AT: Micros = SESSION_T_US + sec(0.3502)
/** From a user message's created_at to the reply being authorized (reply_started_at). */
const REPLY_AUTHORIZE_US = sec(0.0012)
const TOOLS_EXECUTED_AFTER_US = sec(0.0015)
const TOOL_REPLY_START_AFTER_US = sec(0.0185)
const MIN_REPLY_LEAD_US = sec(0.4)
const MAX_REPLY_LEAD_US = sec(0.9)

export interface ToolRun {
  spec: ToolSpec
  callItemId: string
  startedAt: Micros
  endedAt: Micros
  /** Emission of function_tools_executed: tools done and the step-1 playout (if any) done. */
  executedAt: Micros
}

export interface UserMessage {
  role: 'user'
  turn: UserTurn
  placed: PlacedTurn
  startedAt: Micros
  stoppedAt: Micros
  createdAt: Micros
}

export interface AssistantMessage {
  role: 'assistant'
  turn: AssistantTurn
  placed: PlacedTurn
  startedAt: Micros
  stoppedAt: Micros
  /** reply_started_at of the speech this message belongs to (its first step). */
  replyStartedAt: Micros
  createdAt: Micros
  e2eLatency: Micros | null
  answers: UserMessage | null
  /** Tool called by this message's generation while its text plays. */
  tool: ToolRun | null
  /** Tool-only first step of the same speech, before this message. */
  toolOnlyStep: ToolRun | null
}

export type Message = UserMessage | AssistantMessage

function runTool(spec: ToolSpec, generationId: string, startedAt: Micros, notBefore: Micros) {
  const endedAt = startedAt + ms(spec.durationMs)
  const executedAt = Math.max(endedAt, notBefore) + TOOLS_EXECUTED_AFTER_US
  return { spec, callItemId: `${generationId}/fnc_0`, startedAt, endedAt, executedAt }
}

function userMessage(turn: UserTurn, placed: PlacedTurn): UserMessage {
  const stoppedAt = epochOf(placed.end)
  const createdAt = stoppedAt + sec(turn.endOfTurnDelay)
  return { role: 'user', turn, placed, startedAt: epochOf(placed.start), stoppedAt, createdAt }
}

function assistantMessage(
  turn: AssistantTurn,
  placed: PlacedTurn,
  lastUser: UserMessage | null,
  previous: Message | undefined,
): AssistantMessage {
  const startedAt = epochOf(placed.start)
  const stoppedAt = epochOf(placed.end)
  const base = { role: 'assistant' as const, turn, placed, startedAt, stoppedAt }

  if (turn.reply === 'tool_reply') {
    const stepOne = previous?.role === 'assistant' ? previous : null
    if (!stepOne?.tool) throw new Error(`${turn.id} is a tool reply without a tool step before it`)
    const createdAt = stepOne.tool.executedAt + TOOL_REPLY_START_AFTER_US
    const replyStartedAt = stepOne.replyStartedAt
    return {
      ...base,
      replyStartedAt,
      createdAt,
      e2eLatency: null,
      answers: null,
      tool: null,
      toolOnlyStep: null,
    }
  }

  const answers = turn.reply === 'answer' ? lastUser : null
  if (turn.reply === 'answer' && !answers) throw new Error(`${turn.id} answers nobody`)
  const replyStartedAt = answers ? answers.createdAt + REPLY_AUTHORIZE_US : GREETING_CREATED_AT
  const step = turn.toolOnlyStep
  const toolOnlyStep = step
    ? runTool(step.tool, step.generationId, replyStartedAt + ms(step.tool.startAfterMs), 0)
    : null
  const createdAt = toolOnlyStep
    ? toolOnlyStep.executedAt + TOOL_REPLY_START_AFTER_US
    : replyStartedAt
  const tool = turn.tool
    ? runTool(turn.tool, turn.id, startedAt + ms(turn.tool.startAfterMs), stoppedAt)
    : null
  const e2eLatency = answers ? startedAt - answers.stoppedAt : null
  return { ...base, replyStartedAt, createdAt, e2eLatency, answers, tool, toolOnlyStep }
}

function assertPlausible(messages: Message[]): void {
  for (const message of messages) {
    if (message.stoppedAt <= message.startedAt) throw new Error(`${message.turn.id} stops early`)
    if (message.role === 'user') continue
    const lead = message.startedAt - message.createdAt
    if (lead < MIN_REPLY_LEAD_US || lead > MAX_REPLY_LEAD_US) {
      throw new Error(`${message.turn.id}: started_speaking_at - created_at = ${lead} us`)
    }
  }
}

export function buildTimeline(layout: Layout): Message[] {
  const messages: Message[] = []
  let lastUser: UserMessage | null = null
  for (const placed of layout.turns) {
    const { turn } = placed
    if (turn.role === 'user') {
      lastUser = userMessage(turn, placed)
      messages.push(lastUser)
    } else {
      messages.push(assistantMessage(turn, placed, lastUser, messages.at(-1)))
    }
  }
  assertPlausible(messages)
  return messages
}
