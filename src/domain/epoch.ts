/**
 * Epoch values arrive as float seconds (Python), integer ms (Node) or int64 ns (Egress), as numbers
 * or digit strings. formats.md §0.1: decide the unit by magnitude.
 */
const SECONDS_MIN = 1e8 // 1973; anything smaller is not an epoch in any unit
const MS_MIN = 1e11
const US_MIN = 1e14
const NS_MIN = 1e17
const NS_MAX = 1e20 // year 5138

export type EpochUnit = 's' | 'ms' | 'us' | 'ns'

export function epochUnit(value: number): EpochUnit | undefined {
  if (!Number.isFinite(value) || value < SECONDS_MIN || value >= NS_MAX) return undefined
  if (value < MS_MIN) return 's'
  if (value < US_MIN) return 'ms'
  if (value < NS_MIN) return 'us'
  return 'ns'
}

const DIVISOR: Record<EpochUnit, number> = { s: 1, ms: 1e3, us: 1e6, ns: 1e9 }

/** Epoch seconds from a number or an int64 digit string, or undefined if it is not an epoch. */
export function toEpochSeconds(value: number | string): number | undefined {
  if (typeof value === 'string') return int64StringToEpochSeconds(value)
  const unit = epochUnit(value)
  return unit === undefined ? undefined : value / DIVISOR[unit]
}

/** Splits the digits so that ns precision survives beyond 2^53. */
function int64StringToEpochSeconds(text: string): number | undefined {
  const trimmed = text.trim()
  if (!/^\d+(\.\d+)?$/.test(trimmed)) return undefined
  const [whole = '', fraction] = trimmed.split('.')
  if (fraction !== undefined || whole.length <= 15) return toEpochSeconds(Number(trimmed))
  const asNumber = Number(whole)
  const unit = epochUnit(asNumber)
  if (unit === undefined) return undefined
  const decimals = Math.log10(DIVISOR[unit])
  const secondsPart = whole.slice(0, whole.length - decimals)
  const fractionPart = whole.slice(whole.length - decimals)
  return Number(secondsPart) + Number(`0.${fractionPart}`)
}

/** Seconds from an int64 nanosecond duration (number or digit string). */
export function nanosToSeconds(value: number | string): number | undefined {
  const n = typeof value === 'string' ? Number(value.trim()) : value
  return Number.isFinite(n) && n >= 0 ? n / 1e9 : undefined
}
