/**
 * Ruler labels in `m:ss` at every zoom (`0:00`, `1:30`, `12:05`), with tenths when the ticks are
 * closer than a second, so a label never reads as a bare number of seconds.
 */
export function rulerLabel(seconds: number): string {
  const tenths = Math.round(seconds * 10)
  const whole = Math.floor(tenths / 10)
  const m = Math.floor(whole / 60)
  const s = String(whole % 60).padStart(2, '0')
  const fraction = tenths % 10
  return fraction === 0 ? `${m}:${s}` : `${m}:${s}.${fraction}`
}
