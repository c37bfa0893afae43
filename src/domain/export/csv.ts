import type { Timeline } from '../timeline'
import type { Corrections } from '../corrections'
import { itemNudge } from '../corrections'
import { heardLatencies } from '../review/heard-latency'

const COLUMNS = [
  'id',
  'type',
  'role',
  'start_s',
  'end_s',
  'nudge_s',
  'basis',
  'latency_s',
  'heard_latency_s',
  'interrupted',
  'text',
]

/** Leading characters a spreadsheet reads as the start of a formula (OWASP "CSV injection"). */
const FORMULA_START = /^[=+\-@\t\r]/

/**
 * RFC 4180: quote fields holding a comma, a quote or a line break; double inner quotes. Text from
 * the history (ids, messages, tool arguments) that would start a formula gets a leading `'`, as
 * OWASP recommends; numbers we write ourselves stay numbers.
 */
export function csvField(value: string | number | boolean | undefined | null): string {
  if (value === undefined || value === null) return ''
  if (typeof value === 'number') return String(Math.round(value * 1e6) / 1e6)
  let text = String(value)
  if (typeof value === 'string' && FORMULA_START.test(text)) text = `'${text}`
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text
}

/** One row per item of the corrected timeline, for spreadsheets. */
export function toCsv(corrected: Timeline, corrections: Corrections): string {
  const heard = heardLatencies(corrected.items)
  const rows = corrected.items.map((item) =>
    [
      item.id,
      item.type,
      item.role ?? (item.lane === 'marker' ? '' : item.lane),
      item.start,
      item.end,
      itemNudge(corrections, item.id),
      item.basis,
      item.latency,
      heard.get(item.id)?.seconds,
      item.interrupted,
      item.text,
    ]
      .map(csvField)
      .join(','),
  )
  return [COLUMNS.join(','), ...rows].join('\r\n') + '\r\n'
}
