import { z } from 'zod'
import type { Corrections } from '../domain/corrections'

const PREFIX = 'turnline:corrections:'

const storedSchema = z.object({
  globalOffset: z.number(),
  nudges: z.record(z.string(), z.number()),
})

export function loadCorrections(callKey: string): Corrections | undefined {
  try {
    const raw = localStorage.getItem(PREFIX + callKey)
    if (raw === null) return undefined
    const parsed = storedSchema.safeParse(JSON.parse(raw))
    return parsed.success ? parsed.data : undefined
  } catch {
    return undefined
  }
}

export function saveCorrections(callKey: string, corrections: Corrections) {
  if (typeof localStorage === 'undefined') return
  try {
    localStorage.setItem(PREFIX + callKey, JSON.stringify(corrections))
  } catch (error) {
    console.warn('Turnline could not save corrections', error)
  }
}
