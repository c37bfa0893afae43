import { isPlainRecord } from '../objects'
import type { InputKind } from './detect'
import { detectInputKind } from './detect'

export interface NestedInput {
  /** The key of the wrapper object that holds the input, e.g. `transcript` or `report`. */
  key: string
  value: unknown
  detected: Exclude<InputKind, { kind: 'unknown' }>
}

/**
 * A history or report saved inside the user's own wrapper object, one level down
 * (`{"room_name": …, "transcript": {"items": […]}}`). Only one candidate may match: two would be
 * a guess.
 */
export function findNestedInput(value: unknown): NestedInput | undefined {
  if (!isPlainRecord(value)) return undefined
  const found: NestedInput[] = []
  for (const [key, inner] of Object.entries(value)) {
    const detected = detectInputKind(inner)
    if (detected.kind !== 'unknown') found.push({ key, value: inner, detected })
  }
  return found.length === 1 ? found[0] : undefined
}
