import { errorText } from '../domain/error-text'
import type { Corrections } from '../domain/corrections'
import { NO_CORRECTIONS } from '../domain/corrections'
import type { RestoredCorrections, StoredReview } from '../domain/stored-corrections'
import { fromStored, toStored } from '../domain/stored-corrections'

const PREFIX = 'turnline:corrections:'
/** Undo steps kept across a reload (the session itself keeps more). */
const SAVED_STEPS = 50
const NO_HISTORY = { past: [], future: [] }
/** Undo steps kept across a reload; older ones are dropped to keep localStorage small. */
export const PERSISTED_HISTORY = 50

export function storageKey(callKey: string): string {
  return PREFIX + callKey
}

/** Saved corrections, parsed value by value (see `fromStored`); undefined when none are saved. */
export function loadCorrections(callKey: string): RestoredCorrections | undefined {
  try {
    const raw = localStorage.getItem(storageKey(callKey))
    return raw === null ? undefined : parseStoredText(raw)
  } catch {
    return undefined
  }
}

export function parseStoredText(raw: string): RestoredCorrections | undefined {
  try {
    return fromStored(JSON.parse(raw))
  } catch {
    return { corrections: NO_CORRECTIONS, dropped: ['not valid JSON'], past: [], future: [] }
  }
}

/** Saves, and says why in one sentence when the browser refused (storage full, disabled). */
export function saveCorrections(
  callKey: string,
  corrections: Corrections,
  history: { past: readonly Corrections[]; future: readonly Corrections[] } = NO_HISTORY,
): string | undefined {
  if (typeof localStorage === 'undefined') return undefined
  const stored: StoredReview = {
    ...toStored(corrections),
    past: history.past.slice(-SAVED_STEPS).map(toStored),
    future: history.future.slice(0, SAVED_STEPS).map(toStored),
  }
  try {
    localStorage.setItem(storageKey(callKey), JSON.stringify(stored))
    return undefined
  } catch (error) {
    const full =
      error instanceof DOMException &&
      (error.name === 'QuotaExceededError' || error.name === 'NS_ERROR_DOM_QUOTA_REACHED')
    return full
      ? "the browser's storage for this page is full"
      : `the browser refused to store them (${errorText(error)})`
  }
}
