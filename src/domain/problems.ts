/** A problem found in an input file, located by the file name and a JSON path. */
export interface Problem {
  /** 'error': the file or item could not be used; 'warning': it was used, with a caveat. */
  severity: 'error' | 'warning'
  file: string
  /** Dot/bracket path into the JSON, e.g. `chat_history.items[3].metrics.started_speaking_at`. */
  path: string
  message: string
}

export type ParseResult<T> =
  { ok: true; value: T; problems: Problem[] } | { ok: false; problems: Problem[] }

export function formatPath(path: readonly PropertyKey[]): string {
  let out = ''
  for (const key of path) {
    if (typeof key === 'number') out += `[${key}]`
    else out += out === '' ? String(key) : `.${String(key)}`
  }
  return out
}

export function joinPath(prefix: string, path: string): string {
  if (prefix === '') return path
  if (path === '') return prefix
  return path.startsWith('[') ? `${prefix}${path}` : `${prefix}.${path}`
}

export function describeValue(value: unknown): string {
  if (value === undefined) return 'nothing (the field is missing)'
  if (value === null) return 'null'
  if (Array.isArray(value)) return 'an array'
  if (typeof value === 'string') {
    const shown = value.length > 24 ? `${value.slice(0, 24)}…` : value
    return `string "${shown}"`
  }
  if (typeof value === 'number' || typeof value === 'boolean' || typeof value === 'bigint')
    return `${typeof value} ${value}`
  return typeof value === 'object' ? 'an object' : typeof value
}

export function problemText(problem: Problem): string {
  const where = problem.path === '' ? problem.file : `${problem.file} › ${problem.path}`
  return `${where}: ${problem.message}`
}

export function errorProblem(file: string, path: string, message: string): Problem {
  return { severity: 'error', file, path, message }
}

export function warningProblem(file: string, path: string, message: string): Problem {
  return { severity: 'warning', file, path, message }
}
