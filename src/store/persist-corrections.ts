import { z } from 'zod'
import type { Corrections } from '../domain/corrections'

const PREFIX = 'turnline:corrections:'
/** Undo steps kept across a reload; older ones are dropped to keep localStorage small. */
export const PERSISTED_HISTORY = 50

const correctionsSchema = z.object({
  globalOffset: z.number(),
  laneOffsets: z.object({ user: z.number(), agent: z.number() }).default({ user: 0, agent: 0 }),
  nudges: z.record(z.string(), z.number()),
  edges: z.record(z.string(), z.object({ start: z.number(), end: z.number() })).default({}),
})

const reviewSchema = z.object({
  corrections: correctionsSchema,
  past: z.array(correctionsSchema),
  future: z.array(correctionsSchema),
})

/** The corrections of one call with their undo/redo history. */
export interface SavedReview {
  corrections: Corrections
  past: Corrections[]
  future: Corrections[]
}

export function loadReview(callKey: string): SavedReview | undefined {
  try {
    const raw = localStorage.getItem(PREFIX + callKey)
    if (raw === null) return undefined
    const json: unknown = JSON.parse(raw)
    const review = reviewSchema.safeParse(json)
    if (review.success) return review.data
    // Saved before the history was kept: the corrections alone.
    const corrections = correctionsSchema.safeParse(json)
    return corrections.success ? { corrections: corrections.data, past: [], future: [] } : undefined
  } catch {
    return undefined
  }
}

export function saveReview(callKey: string, review: SavedReview) {
  if (typeof localStorage === 'undefined') return
  const trimmed = {
    corrections: review.corrections,
    past: review.past.slice(-PERSISTED_HISTORY),
    future: review.future.slice(0, PERSISTED_HISTORY),
  }
  try {
    localStorage.setItem(PREFIX + callKey, JSON.stringify(trimmed))
  } catch (error) {
    console.warn('Turnline could not save corrections', error)
  }
}
