import type { PlacedItem } from '../timeline'
import type { Finding } from './findings'
import { toExportFindings } from './findings'

const COLUMNS = ['id', 'tag', 'start_s', 'end_s', 'item_id', 'role', 'said', 'note', 'created_at']

/** RFC 4180 quoting; a leading = + - @ is defused so a spreadsheet never runs a note as a formula. */
function field(value: string | number | null | undefined): string {
  if (value === undefined || value === null) return ''
  let text = String(value)
  if (typeof value === 'string' && /^[=+\-@\t\r]/.test(text)) text = `'${text}`
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text
}

/** One row per finding, in time order, with what was said for a finding on a message. */
export function findingsToCsv(
  findings: readonly Finding[],
  itemsById: ReadonlyMap<string, PlacedItem>,
): string {
  const rows = toExportFindings(findings, itemsById).map((f) => {
    const item = f.item_id ? itemsById.get(f.item_id) : undefined
    return [
      f.id,
      f.tag,
      f.start_s,
      f.end_s,
      f.item_id,
      item?.role ?? (item ? item.type : ''),
      item?.text,
      f.note,
      f.created_at,
    ]
      .map(field)
      .join(',')
  })
  return [COLUMNS.join(','), ...rows].join('\r\n') + '\r\n'
}
