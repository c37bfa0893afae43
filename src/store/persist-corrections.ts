import { z } from 'zod'
import type { Corrections } from '../domain/corrections'

const PREFIX = 'turnline:corrections:'

const alignedTurnSchema = z.object({
  start: z.number(),
  end: z.number(),
  confidence: z.number(),
  status: z.enum(['matched', 'unmatched', 'kept']),
})

const storedSchema = z.object({
  globalOffset: z.number(),
  nudges: z.record(z.string(), z.number()),
  alignment: z
    .object({
      offset: z.number(),
      driftPpm: z.number(),
      driftFitted: z.boolean(),
      turns: z.array(z.tuple([z.string(), alignedTurnSchema])),
    })
    .optional(),
})

export function loadCorrections(callKey: string): Corrections | undefined {
  try {
    const raw = localStorage.getItem(PREFIX + callKey)
    if (raw === null) return undefined
    const parsed = storedSchema.safeParse(JSON.parse(raw))
    if (!parsed.success) return undefined
    const { alignment, ...rest } = parsed.data
    return alignment
      ? { ...rest, alignment: { ...alignment, turns: new Map(alignment.turns) } }
      : rest
  } catch {
    return undefined
  }
}

export function saveCorrections(callKey: string, corrections: Corrections) {
  if (typeof localStorage === 'undefined') return
  try {
    const { alignment, ...rest } = corrections
    const stored = alignment
      ? { ...rest, alignment: { ...alignment, turns: [...alignment.turns] } }
      : rest
    localStorage.setItem(PREFIX + callKey, JSON.stringify(stored))
  } catch (error) {
    console.warn('Turnline could not save corrections', error)
  }
}
