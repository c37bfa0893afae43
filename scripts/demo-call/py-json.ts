// JSON text the way Python's json.dumps writes it, so the demo files look like real SDK output:
// floats always carry a decimal point or a Python-style exponent (3.0, 4.12e-05), ints do not.
// Python tells ints and floats apart by type; here the keys listed in INT_KEYS hold the ints.

export type JsonValue =
  string | number | boolean | null | JsonValue[] | { [key: string]: JsonValue }

const INT_KEYS = new Set([
  'schema_version',
  'segment_index',
  'max_tool_steps',
  'max_retries',
  'min_interruption_words',
  'num_requests',
  'input_tokens',
  'input_cached_tokens',
  'input_cache_creation_tokens',
  'input_audio_tokens',
  'input_cached_audio_tokens',
  'input_text_tokens',
  'input_cached_text_tokens',
  'input_image_tokens',
  'input_cached_image_tokens',
  'output_tokens',
  'output_audio_tokens',
  'output_text_tokens',
  'characters_count',
])

export function pythonFloat(value: number): string {
  if (!Number.isFinite(value)) throw new Error(`not a finite number: ${value}`)
  if (value === 0) return Object.is(value, -0) ? '-0.0' : '0.0'
  const [mantissa = '', exponentText = '0'] = value.toExponential().split('e')
  const exponent = Number(exponentText)
  if (exponent >= -4 && exponent < 16) {
    const fixed = String(value)
    return fixed.includes('.') ? fixed : `${fixed}.0`
  }
  const sign = exponent < 0 ? '-' : '+'
  return `${mantissa}e${sign}${String(Math.abs(exponent)).padStart(2, '0')}`
}

function formatNumber(value: number, key: string | null): string {
  if (key !== null && INT_KEYS.has(key)) {
    if (!Number.isInteger(value)) throw new Error(`${key} must be an integer, got ${value}`)
    return String(value)
  }
  return pythonFloat(value)
}

function formatString(value: string): string {
  return JSON.stringify(value).replace(
    /[\u007f-\uffff]/g,
    (char) => `\\u${char.charCodeAt(0).toString(16).padStart(4, '0')}`,
  )
}

function write(value: JsonValue, key: string | null, indent: number | null, depth: number): string {
  if (value === null) return 'null'
  if (typeof value === 'boolean') return value ? 'true' : 'false'
  if (typeof value === 'number') return formatNumber(value, key)
  if (typeof value === 'string') return formatString(value)

  const entries: [string | null, JsonValue][] = Array.isArray(value)
    ? value.map((item): [string | null, JsonValue] => [key, item])
    : Object.entries(value)
  const [open, close] = Array.isArray(value) ? ['[', ']'] : ['{', '}']
  if (entries.length === 0) return open + close

  const parts = entries.map(([entryKey, item]) => {
    const text = write(item, entryKey, indent, depth + 1)
    return Array.isArray(value) ? text : `${formatString(entryKey ?? '')}: ${text}`
  })
  if (indent === null) return open + parts.join(', ') + close
  const inner = ' '.repeat(indent * (depth + 1))
  const outer = ' '.repeat(indent * depth)
  return `${open}\n${inner}${parts.join(`,\n${inner}`)}\n${outer}${close}`
}

/** `json.dumps(value, indent=2)` (or compact `json.dumps(value)` with `indent: null`). */
export function pythonJson(value: JsonValue, indent: number | null = 2): string {
  return write(value, null, indent, 0)
}
