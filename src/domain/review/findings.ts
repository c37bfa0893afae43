// The mini build: this module is in the app's first chunk, which the page waits for.
import * as z from 'zod/mini'
import type { Problem } from '../problems'
import { errorProblem, warningProblem } from '../problems'
import { zodProblems } from '../parse/zod-problems'
import type { PlacedItem } from '../timeline'

export const DEFAULT_TAGS: readonly string[] = [
  'slow reply',
  'wrong tool',
  'cut off wrongly',
  'talked over',
  'misheard',
  'hallucination',
  'other',
]

/**
 * What the reviewer wrote down about a message or a time range. A finding on a message follows
 * it when it is corrected; `start`/`end` are then where it was when flagged.
 */
export interface Finding {
  id: string
  tag: string
  note: string
  itemId?: string
  /** Seconds into the recording. */
  start: number
  end: number
  /** ISO 8601. */
  createdAt: string
}

/** The `findings` array of a `turnline.alignment` file (docs/export.md). */
export const exportFindingSchema = z.object({
  id: z.string().check(z.minLength(1)),
  tag: z.string().check(z.minLength(1)),
  note: z.string(),
  item_id: z.optional(z.nullable(z.string().check(z.minLength(1)))),
  // Zod's numbers are finite.
  start_s: z.number(),
  end_s: z.number(),
  created_at: z.string(),
})

export type ExportFinding = z.infer<typeof exportFindingSchema>

const round = (s: number) => Math.round(s * 1e6) / 1e6

/** Where a finding is now: on its message's corrected span, or on its own range. */
export function findingSpan(
  finding: Finding,
  itemsById: ReadonlyMap<string, PlacedItem>,
): { start: number; end: number } {
  const item = finding.itemId === undefined ? undefined : itemsById.get(finding.itemId)
  if (!item) return { start: finding.start, end: finding.end }
  return { start: item.start, end: item.end ?? item.start }
}

export function toExportFindings(
  findings: readonly Finding[],
  itemsById: ReadonlyMap<string, PlacedItem>,
): ExportFinding[] {
  return sortFindings(findings, itemsById).map((f) => {
    const span = findingSpan(f, itemsById)
    return {
      id: f.id,
      tag: f.tag,
      note: f.note,
      item_id: f.itemId ?? null,
      start_s: round(span.start),
      end_s: round(span.end),
      created_at: f.createdAt,
    }
  })
}

export function sortFindings(
  findings: readonly Finding[],
  itemsById: ReadonlyMap<string, PlacedItem>,
): Finding[] {
  return [...findings].sort(
    (a, b) => findingSpan(a, itemsById).start - findingSpan(b, itemsById).start,
  )
}

/**
 * Findings of a re-opened export. A bad entry is reported by its path and skipped; a finding on a
 * message the history does not have keeps its time range.
 */
export function findingsFromExport(
  raw: unknown,
  knownIds: ReadonlySet<string>,
  file: string,
): { findings: Finding[]; problems: Problem[] } {
  if (raw === undefined) return { findings: [], problems: [] }
  if (!Array.isArray(raw))
    return { findings: [], problems: [errorProblem(file, 'findings', 'expected an array')] }
  const findings: Finding[] = []
  const problems: Problem[] = []
  raw.forEach((entry: unknown, index) => {
    const prefix = `findings[${index}]`
    const parsed = exportFindingSchema.safeParse(entry)
    if (!parsed.success) {
      problems.push(...zodProblems({ file, prefix, camel: false }, parsed.error, entry))
      return
    }
    const f = parsed.data
    let itemId = f.item_id ?? undefined
    if (itemId !== undefined && !knownIds.has(itemId)) {
      const message = `"${itemId}" is not in the loaded history; kept as a time range`
      problems.push(warningProblem(file, `${prefix}.item_id`, message))
      itemId = undefined
    }
    findings.push({
      id: f.id,
      tag: f.tag,
      note: f.note,
      ...(itemId !== undefined ? { itemId } : {}),
      start: Math.min(f.start_s, f.end_s),
      end: Math.max(f.start_s, f.end_s),
      createdAt: f.created_at,
    })
  })
  return { findings, problems }
}

/** Imported findings replace those with the same id; the reviewer's others are kept. */
export function mergeFindings(
  current: readonly Finding[],
  incoming: readonly Finding[],
): Finding[] {
  const ids = new Set(incoming.map((f) => f.id))
  return [...current.filter((f) => !ids.has(f.id)), ...incoming]
}
