/** formats.md §9.1 step 3: camelCase keys map to the Python names, with a few renames. */
const RENAMED: Record<string, string> = { args: 'arguments' }

const snakeCache = new Map<string, string>()

export function snakeCase(key: string): string {
  let snake = snakeCache.get(key)
  if (snake === undefined) {
    snake = RENAMED[key] ?? key.replace(/[A-Z]/g, (c) => `_${c.toLowerCase()}`)
    if (snakeCache.size < 10_000) snakeCache.set(key, snake)
  }
  return snake
}

export function camelCase(key: string): string {
  if (key === 'arguments') return 'args'
  return key.replace(/_([a-z0-9])/g, (_, c: string) => c.toUpperCase())
}

/** Free-form objects whose keys belong to the user, not to the SDK. */
const OPAQUE_KEYS = new Set(['extra', 'arguments', 'output'])

/** Deep copy with every object key in snake_case, leaving user-owned objects untouched. */
export function snakeCaseKeys(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(snakeCaseKeys)
  if (value === null || typeof value !== 'object') return value
  const out: Record<string, unknown> = {}
  for (const [key, inner] of Object.entries(value)) {
    const snake = snakeCase(key)
    out[snake] = OPAQUE_KEYS.has(snake) ? inner : snakeCaseKeys(inner)
  }
  return out
}

const CAMEL = /[a-z][A-Z]/
const SAMPLE = 20

/**
 * True when a camelCase key appears within `depth` levels (first elements of arrays included,
 * user-owned objects skipped): a Node history with no `createdAt` shows it only inside `metrics`.
 */
export function hasCamelCaseKey(value: unknown, depth = 1): boolean {
  if (depth <= 0 || value === null || typeof value !== 'object') return false
  if (Array.isArray(value)) return value.slice(0, SAMPLE).some((v) => hasCamelCaseKey(v, depth))
  return Object.entries(value).some(
    ([key, inner]) =>
      CAMEL.test(key) || (!OPAQUE_KEYS.has(snakeCase(key)) && hasCamelCaseKey(inner, depth - 1)),
  )
}
