import { z } from 'zod'
import { toEpochSeconds } from '../epoch'
import { describeValue } from '../problems'

/** An epoch time in any unit (s, ms, µs, ns; number or int64 string), normalized to float seconds. */
export const epochSeconds = z.unknown().transform((value, ctx) => {
  if (value === undefined) {
    const message = 'missing: expected an epoch time (seconds, ms or ns since 1970)'
    ctx.addIssue({ code: 'custom', message })
    return z.NEVER
  }
  if (typeof value !== 'number' && typeof value !== 'string') {
    ctx.addIssue({ code: 'custom', message: `expected a number, got ${describeValue(value)}` })
    return z.NEVER
  }
  const seconds = toEpochSeconds(value)
  if (seconds === undefined) {
    const message =
      typeof value === 'string' && !/^\s*\d/.test(value)
        ? `expected a number, got ${describeValue(value)}`
        : `expected an epoch time (seconds, ms or ns since 1970), got ${describeValue(value)}`
    ctx.addIssue({ code: 'custom', message })
    return z.NEVER
  }
  return seconds
})

/** A duration or delay in seconds. */
export const seconds = z.number().refine(Number.isFinite, 'expected a finite number of seconds')

/** Optional field that may also be null (Python event dumps keep None as null). */
export function optional<T extends z.ZodType>(schema: T) {
  return z.preprocess((value) => (value === null ? undefined : value), schema.optional())
}
