// The mini build: these schemas are in the app's first chunk, which the page waits for.
import * as z from 'zod/mini'
import type { AlignmentLayer } from './align/layer'
import type { Corrections, EdgeShift, SpeakerLane } from './corrections'
import { isSaneOffset, MAX_OFFSET_S, NO_LANE_OFFSETS } from './corrections'
import { isPlainRecord } from './objects'

const storedAlignmentSchema = z.object({
  offset: z.number(),
  driftPpm: z.number(),
  driftFitted: z.boolean(),
  turns: z.array(
    z.tuple([
      z.string(),
      z.object({
        start: z.number().check(z.refine(isSaneOffset)),
        end: z.number().check(z.refine(isSaneOffset)),
        confidence: z.number().check(z.gte(0), z.lte(1)),
        status: z.enum(['matched', 'unmatched', 'kept']),
      }),
    ]),
  ),
})

type StoredAlignment = z.infer<typeof storedAlignmentSchema>

/** What localStorage keeps for one call (JSON). */
export interface StoredCorrections {
  globalOffset: number
  laneOffsets?: Record<SpeakerLane, number>
  nudges: Record<string, number>
  edges?: Record<string, EdgeShift>
  alignment?: StoredAlignment
}

/** The corrections with their undo/redo history, so that Undo works after a reload. */
export interface StoredReview extends StoredCorrections {
  past?: StoredCorrections[]
  future?: StoredCorrections[]
}

export function toStored(corrections: Corrections): StoredCorrections {
  // fromEntries defines own properties: an id named `__proto__` stays a key, not a prototype.
  const stored: StoredCorrections = {
    globalOffset: corrections.globalOffset,
    laneOffsets: { ...corrections.laneOffsets },
    nudges: Object.fromEntries(corrections.nudges),
    edges: Object.fromEntries(corrections.edges),
  }
  const { alignment } = corrections
  if (alignment) stored.alignment = { ...alignment, turns: [...alignment.turns] }
  return stored
}

function alignmentFromStored(raw: unknown, dropped: string[]): AlignmentLayer | undefined {
  if (raw === undefined) return undefined
  const parsed = storedAlignmentSchema.safeParse(raw)
  if (!parsed.success) {
    dropped.push('alignment: not a saved audio alignment, left out (run Align to audio again)')
    return undefined
  }
  return { ...parsed.data, turns: new Map(parsed.data.turns) }
}

export interface RestoredCorrections {
  corrections: Corrections
  /** One sentence per value that was not usable and left out. */
  dropped: string[]
  /** Undo and redo steps saved with them (steps that no longer read are left out). */
  past: Corrections[]
  future: Corrections[]
}

function offsetProblem(path: string, value: unknown): string | undefined {
  if (typeof value !== 'number') return `${path}: expected a number of seconds, got ${typeof value}`
  if (!isSaneOffset(value))
    return `${path}: ${value} s is beyond ±${MAX_OFFSET_S} s (a day), left out`
  return undefined
}

/**
 * Reads saved corrections value by value: a bad field drops only itself, never the others.
 * Undefined when the value is not saved corrections at all.
 */
export function fromStored(raw: unknown): RestoredCorrections | undefined {
  if (!isPlainRecord(raw)) return undefined
  const dropped: string[] = []
  let globalOffset = 0
  if (raw.globalOffset !== undefined) {
    const problem = offsetProblem('globalOffset', raw.globalOffset)
    if (problem) dropped.push(problem)
    else globalOffset = raw.globalOffset as number
  }
  const nudges = new Map<string, number>()
  if (isPlainRecord(raw.nudges)) {
    for (const [id, value] of Object.entries(raw.nudges)) {
      const problem = offsetProblem(`nudges["${id}"]`, value)
      if (problem) dropped.push(problem)
      else if (value !== 0) nudges.set(id, value as number)
    }
  } else if (raw.nudges !== undefined) dropped.push('nudges: expected an object of seconds by id')
  const laneOffsets = { ...NO_LANE_OFFSETS }
  if (isPlainRecord(raw.laneOffsets)) {
    for (const lane of ['user', 'agent'] as const) {
      const value = raw.laneOffsets[lane]
      if (value === undefined) continue
      const problem = offsetProblem(`laneOffsets.${lane}`, value)
      if (problem) dropped.push(problem)
      else laneOffsets[lane] = value as number
    }
  }
  const edges = new Map<string, EdgeShift>()
  if (isPlainRecord(raw.edges)) {
    for (const [id, value] of Object.entries(raw.edges)) {
      const edge = isPlainRecord(value) ? value : {}
      const problem =
        offsetProblem(`edges["${id}"].start`, edge.start) ??
        offsetProblem(`edges["${id}"].end`, edge.end)
      if (problem) dropped.push(problem)
      else edges.set(id, { start: edge.start as number, end: edge.end as number })
    }
  }
  const corrections: Corrections = { globalOffset, laneOffsets, nudges, edges }
  const alignment = alignmentFromStored(raw.alignment, dropped)
  if (alignment) corrections.alignment = alignment
  return {
    corrections,
    dropped,
    past: historyFromStored(raw.past),
    future: historyFromStored(raw.future),
  }
}

function historyFromStored(raw: unknown): Corrections[] {
  if (!Array.isArray(raw)) return []
  return raw.flatMap((step: unknown) => {
    const restored = isPlainRecord(step) ? fromStored({ ...step, past: [], future: [] }) : undefined
    return restored && restored.dropped.length === 0 ? [restored.corrections] : []
  })
}

/** Two corrections are the same review state (used to ignore our own storage echo). */
export function sameCorrections(a: Corrections, b: Corrections): boolean {
  if (a.globalOffset !== b.globalOffset || a.nudges.size !== b.nudges.size) return false
  for (const [id, value] of a.nudges) if (b.nudges.get(id) !== value) return false
  return JSON.stringify(toStored(a)) === JSON.stringify(toStored(b))
}
