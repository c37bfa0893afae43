/**
 * Every time Turnline writes or shows is rounded here, to the millisecond: a marker placed from an
 * epoch stamp and a message placed from metrics then read the same (30.325, not 30.3251).
 */
export const TIME_DECIMALS = 3

export function roundTime(seconds: number): number {
  return Math.round(seconds * 10 ** TIME_DECIMALS) / 10 ** TIME_DECIMALS
}

/** `1.5` → `"1.500"`: the fixed-width form for labels and tooltips. */
export function formatSeconds(seconds: number): string {
  return roundTime(seconds).toFixed(TIME_DECIMALS)
}
