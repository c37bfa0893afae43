/**
 * Where the reviewer is looking (seconds), so the decode pool takes the range under the view
 * next when they seek or scroll ahead of the decode.
 */
let focus = 0

export function focusDecode(seconds: number) {
  focus = Math.max(0, seconds)
}

export function decodeFocus(): number {
  return focus
}
