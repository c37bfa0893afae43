import { errorText } from '../error-text'
import JSON5 from 'json5'

export type JsonText =
  | {
      ok: true
      value: unknown
      /** Needed JSON5 (comments, trailing commas, …). */ lenient: boolean
    }
  | { ok: false; error: string }

/** Strict JSON first (fast, exact); what people paste (comments, trailing commas) through JSON5. */
export function parseJsonText(text: string): JsonText {
  try {
    return { ok: true, value: JSON.parse(text) as unknown, lenient: false }
  } catch (strictError) {
    try {
      return { ok: true, value: JSON5.parse<unknown>(text), lenient: true }
    } catch {
      return { ok: false, error: errorText(strictError) }
    }
  }
}

/** Deeper than this is no LiveKit file: left as is instead of recursing into a stack overflow. */
const MAX_DEPTH = 200

/**
 * MongoDB Extended JSON wrappers as an export from a database writes them: `{"$numberLong": "…"}`
 * becomes the number (or its digit string when beyond 2^53, for ns precision), `{"$date": …}` the
 * epoch in seconds, as Python writes times (ms would read as Node evidence). Returns the value and
 * how many wrappers were removed.
 */
export function unwrapExtendedJson(value: unknown): { value: unknown; unwrapped: number } {
  let unwrapped = 0
  const walk = (node: unknown, depth: number): unknown => {
    if (node === null || typeof node !== 'object' || depth > MAX_DEPTH) return node
    if (Array.isArray(node)) return node.map((inner) => walk(inner, depth + 1))
    const wrapped = extendedScalar(node as Record<string, unknown>)
    if (wrapped !== undefined) {
      unwrapped++
      return wrapped
    }
    return Object.fromEntries(
      Object.entries(node).map(([key, inner]) => [key, walk(inner, depth + 1)]),
    )
  }
  return { value: walk(value, 0), unwrapped }
}

const NUMBER_WRAPPERS = ['$numberLong', '$numberInt', '$numberDouble', '$numberDecimal']

function extendedScalar(node: Record<string, unknown>): number | string | undefined {
  const keys = Object.keys(node)
  if (keys.length !== 1) return undefined
  const [key] = keys
  const inner = node[key as string]
  if (key !== undefined && NUMBER_WRAPPERS.includes(key)) return numberOf(inner)
  if (key === '$date') {
    if (typeof inner === 'string') {
      const ms = Date.parse(inner)
      return Number.isNaN(ms) ? undefined : ms / 1000
    }
    if (typeof inner === 'number') return inner / 1000
    if (inner !== null && typeof inner === 'object') {
      const long = extendedScalar(inner as Record<string, unknown>)
      return long === undefined ? undefined : Number(long) / 1000
    }
  }
  return undefined
}

function numberOf(inner: unknown): number | string | undefined {
  if (typeof inner === 'number') return inner
  if (typeof inner !== 'string' || !/^\s*-?\d+(\.\d+)?([eE][-+]?\d+)?\s*$/.test(inner))
    return undefined
  const number = Number(inner)
  return Number.isSafeInteger(number) || !/^\s*-?\d+\s*$/.test(inner) ? number : inner.trim()
}
