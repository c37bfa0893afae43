/** Plain words for a signed shift: positive moves a message later in the recording. */
export function direction(seconds: number): string {
  if (Math.abs(seconds) < 0.0005) return ''
  return seconds > 0 ? 'later' : 'earlier'
}

/** `0.1` → `100 ms later`, `-1` → `1 s earlier`. */
export function stepLabel(step: number): string {
  const abs = Math.abs(step)
  const size = abs >= 1 ? `${abs} s` : `${Math.round(abs * 1000)} ms`
  return `${size} ${direction(step)}`
}
