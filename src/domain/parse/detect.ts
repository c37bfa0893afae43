import type { HistoryFormat } from '../call'
import { hasCamelCaseKey } from '../case'

export type InputKind =
  | { kind: 'history'; format: HistoryFormat }
  | { kind: 'timings' }
  | { kind: 'egress' }
  | { kind: 'alignment' }
  | { kind: 'unknown' }

function isRecord(value: unknown): value is Record<string, unknown> {
  return value !== null && typeof value === 'object' && !Array.isArray(value)
}

function firstItems(history: unknown): unknown[] {
  if (!isRecord(history) || !Array.isArray(history.items)) return []
  return history.items.slice(0, 50)
}

function hasMsEpoch(items: unknown[]): boolean {
  return items.some((item) => {
    if (!isRecord(item)) return false
    const created = item.created_at ?? item.createdAt
    return typeof created === 'number' && created > 1e11
  })
}

/** formats.md §9.1: which producer wrote this JSON value. */
export function detectInputKind(value: unknown): InputKind {
  if (!isRecord(value)) return { kind: 'unknown' }
  if (value.schema === 'turnline.alignment') return { kind: 'alignment' }
  if (value.schema === 'lk-replay.timed-transcript' || Array.isArray(value.segments))
    return { kind: 'timings' }
  if (isRecord(value.egressInfo) || isRecord(value.egress_info)) return { kind: 'egress' }
  if (
    'egressId' in value ||
    'egress_id' in value ||
    'fileResults' in value ||
    'file_results' in value
  )
    return { kind: 'egress' }
  if (isRecord(value.chat_history)) return { kind: 'history', format: reportFormat(value) }
  if ('items' in value) {
    // Node writes ms epochs even where no key is camelCase (formats.md §9.1): either proves it.
    const items = firstItems(value)
    const node = items.some((item) => hasCamelCaseKey(item, 2)) || hasMsEpoch(items)
    return { kind: 'history', format: node ? 'node_history' : 'python_history' }
  }
  return { kind: 'unknown' }
}

function reportFormat(report: Record<string, unknown>): HistoryFormat {
  const items = firstItems(report.chat_history)
  if (items.some((item) => hasCamelCaseKey(item, 2))) return 'node_report_legacy'
  const msEpoch =
    'enable_user_data_training' in report ||
    (typeof report.timestamp === 'number' && report.timestamp > 1e11) ||
    hasMsEpoch(items)
  return msEpoch ? 'node_report' : 'python_report'
}
