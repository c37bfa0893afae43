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

export function hasCamelCaseKey(value: unknown): boolean {
  if (value === null || typeof value !== 'object' || Array.isArray(value)) return false
  return Object.keys(value).some((key) => /[a-z][A-Z]/.test(key))
}
