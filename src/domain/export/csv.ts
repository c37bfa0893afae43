import type { Timeline } from '../timeline'
import type { Corrections } from '../corrections'
import { roundTime } from '../round-time'

const COLUMNS = [
  'id',
  'type',
  'role',
  'start_s',
  'end_s',
  'nudge_s',
  'basis',
  'latency_s',
  'interrupted',
  'text',
]

/** RFC 4180: quote fields holding a comma, a quote or a line break; double inner quotes. */
function field(value: string | number | boolean | undefined | null): string {
  if (value === undefined || value === null) return ''
  const text = typeof value === 'number' ? String(roundTime(value)) : String(value)
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text
}

/** One row per item of the corrected timeline, for spreadsheets. */
export function toCsv(corrected: Timeline, corrections: Corrections): string {
  const rows = corrected.items.map((item) =>
    [
      item.id,
      item.type,
      item.role ?? (item.lane === 'marker' ? '' : item.lane),
      item.start,
      item.end,
      corrections.nudges[item.id] ?? 0,
      item.basis,
      item.latency,
      item.interrupted,
      item.text,
    ]
      .map(field)
      .join(','),
  )
  return [COLUMNS.join(','), ...rows].join('\r\n') + '\r\n'
}
