import { z } from 'zod'
import type { AgentEvent, CallHistory, HistoryFormat } from '../call'
import { hasCamelCaseKey, snakeCaseKeys } from '../case'
import type { ParseResult, Problem } from '../problems'
import { errorProblem, joinPath, warningProblem } from '../problems'
import { parseChatItems } from './chat-items'
import { epochSeconds, optional } from './zod-helpers'
import { parseRepairing } from './repair'
import { zodProblems } from './zod-problems'
import { dropUndefined } from '../objects'

const historySchema = z.looseObject({ items: z.array(z.unknown()) })

const reportSchema = z.looseObject({
  job_id: optional(z.string()),
  room_id: optional(z.string()),
  room: optional(z.string()),
  events: optional(z.array(z.unknown())).transform((e) => e ?? []),
  audio_recording_path: optional(z.string()),
  audio_recording_started_at: optional(epochSeconds),
  chat_history: historySchema,
  timestamp: optional(epochSeconds),
  sdk_version: optional(z.string()),
})

const eventSchema = z.looseObject({
  type: z.string(),
  created_at: epochSeconds,
  old_state: optional(z.string()),
  new_state: optional(z.string()),
  // Python error events name the failing plugin as `{model, provider}`, others a string.
  source: optional(z.union([z.string(), z.looseObject({}).transform(sourceName)])),
  resumed: optional(z.boolean()),
})

function sourceName(source: Record<string, unknown>): string {
  const parts = [source.provider, source.model].filter((p) => typeof p === 'string' && p !== '')
  return parts.length > 0 ? parts.join(' ') : JSON.stringify(source).slice(0, 80)
}

/** `session_usage_updated` comes by the hundred and carries no timeline information. */
const IGNORED_EVENTS = new Set(['session_usage_updated', 'metrics_collected'])

export function parseHistoryFile(
  file: string,
  raw: unknown,
  format: HistoryFormat,
): ParseResult<CallHistory> {
  const isReport = format.endsWith('report') || format === 'node_report_legacy'
  return isReport ? parseReport(file, raw, format) : parseBareHistory(file, raw, format)
}

function parseBareHistory(
  file: string,
  raw: unknown,
  format: HistoryFormat,
): ParseResult<CallHistory> {
  const camel = format === 'node_history'
  const envelope = historySchema.safeParse(raw)
  if (!envelope.success) {
    return { ok: false, problems: zodProblems({ file, prefix: '', camel }, envelope.error, raw) }
  }
  const { items, problems } = parseItems(envelope.data.items, file, 'items', camel)
  if (items.length === 0 && envelope.data.items.length > 0)
    return notAHistory(file, 'items', envelope.data.items.length, problems)
  return {
    ok: true,
    value: { file, format, sdk: camel ? 'node' : 'python', items, events: [] },
    problems: withEmptyWarning(problems, file, 'items', items.length),
  }
}

/** Report fields other than the history itself can be dropped, with a warning. */
function isDroppableReportField(path: readonly PropertyKey[]): boolean {
  return path[0] !== 'chat_history'
}

function parseReport(file: string, raw: unknown, format: HistoryFormat): ParseResult<CallHistory> {
  const ctx = { file, prefix: '', camel: false }
  const envelope = parseRepairing(
    reportSchema,
    raw as Record<string, unknown>,
    ctx,
    isDroppableReportField,
  )
  if (!envelope.ok) return { ok: false, problems: envelope.errors }
  const report = envelope.data
  const camelInside = format === 'node_report_legacy'
  const parsedItems = parseItems(report.chat_history.items, file, 'chat_history.items', camelInside)
  const { items } = parsedItems
  const problems = [...envelope.warnings, ...parsedItems.problems]
  const rawCount = report.chat_history.items.length
  if (items.length === 0 && rawCount > 0)
    return notAHistory(file, 'chat_history.items', rawCount, problems)
  const events = parseEvents(report.events, file, camelInside, problems)
  const value: CallHistory = {
    file,
    format,
    sdk: format === 'python_report' ? 'python' : 'node',
    items,
    events,
  }
  if (report.sdk_version !== undefined) value.sdkVersion = report.sdk_version
  if (report.audio_recording_started_at !== undefined)
    value.recordingStartedAt = report.audio_recording_started_at
  if (report.timestamp !== undefined) value.reportTimestamp = report.timestamp
  if (report.room !== undefined) value.room = report.room
  if (report.job_id !== undefined) value.jobId = report.job_id
  return {
    ok: true,
    value,
    problems: withEmptyWarning(problems, file, 'chat_history.items', items.length),
  }
}

function parseItems(rawItems: unknown[], file: string, prefix: string, camel: boolean) {
  const normalized = camel ? rawItems.map(snakeCaseKeys) : rawItems.map(snakeCaseIfCamel)
  return parseChatItems(normalized, { file, prefix, camel })
}

function snakeCaseIfCamel(item: unknown): unknown {
  return hasCamelCaseKey(item, 2) ? snakeCaseKeys(item) : item
}

function parseEvents(
  raw: unknown[],
  file: string,
  camel: boolean,
  problems: Problem[],
): AgentEvent[] {
  const events: AgentEvent[] = []
  raw.forEach((entry, index) => {
    const normalized = camel ? snakeCaseKeys(entry) : entry
    const type = (normalized as { type?: unknown } | null)?.type
    if (typeof type === 'string' && IGNORED_EVENTS.has(type)) return
    const parsed = eventSchema.safeParse(normalized)
    if (!parsed.success) {
      const ctx = { file, prefix: `events[${index}]`, camel }
      for (const p of zodProblems(ctx, parsed.error, normalized)) {
        problems.push({ ...p, severity: 'warning', message: `${p.message}; event ignored` })
      }
      return
    }
    const { type: eventType, created_at, old_state, new_state, source, resumed } = parsed.data
    events.push(
      dropUndefined({ type: eventType, created_at, old_state, new_state, source, resumed }),
    )
  })
  return events
}

function withEmptyWarning(
  problems: Problem[],
  file: string,
  path: string,
  count: number,
): Problem[] {
  if (count > 0) return problems
  return [
    ...problems,
    warningProblem(file, joinPath('', path), 'the history has no items to place'),
  ]
}

/** Items were there but none is a chat item: this is some other list, not a history. */
function notAHistory(file: string, path: string, rawCount: number, problems: Problem[]) {
  const message = `none of the ${rawCount} items is a chat item (message, function_call, …)`
  return { ok: false as const, problems: [errorProblem(file, path, message), ...problems] }
}
