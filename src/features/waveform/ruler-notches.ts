export interface Notch {
  /** Seconds into the recording. */
  time: number
  primary: boolean
}

/** Label spacings in seconds; the ticks between labels are a fifth of it. */
const LABEL_STEPS = [0.1, 0.5, 1, 5, 10, 15, 30, 60, 120, 300, 600, 900, 1800, 3600, 7200]
const LABEL_MIN_PX = 70
const TICKS_PER_LABEL = 5

/** The ruler's notches between `start` and `end` only, so a zoomed hour costs a screenful. */
export function rulerNotches(start: number, end: number, pxPerSecond: number): Notch[] {
  if (!(pxPerSecond > 0) || !(end > start)) return []
  const label =
    LABEL_STEPS.find((s) => s * pxPerSecond >= LABEL_MIN_PX) ?? LABEL_STEPS[LABEL_STEPS.length - 1]!
  const tick = label / TICKS_PER_LABEL
  const notches: Notch[] = []
  // Counting ticks by integer keeps labels on exact multiples (no 0.30000000000000004).
  const last = Math.floor(end / tick + 1e-6)
  for (let i = Math.max(0, Math.ceil(start / tick - 1e-6)); i <= last; i++)
    notches.push({ time: (i * label) / TICKS_PER_LABEL, primary: i % TICKS_PER_LABEL === 0 })
  return notches
}
