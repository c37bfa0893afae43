import type { Corrections } from '../domain/corrections'
import type { RestoredCorrections } from '../domain/stored-corrections'
import { fromStored, toStored } from '../domain/stored-corrections'

const PREFIX = 'turnline:corrections:'

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
    return { corrections: { globalOffset: 0, nudges: new Map() }, dropped: ['not valid JSON'] }
  }
}

/** Saves, and says why in one sentence when the browser refused (storage full, disabled). */
export function saveCorrections(callKey: string, corrections: Corrections): string | undefined {
  if (typeof localStorage === 'undefined') return undefined
  try {
    localStorage.setItem(storageKey(callKey), JSON.stringify(toStored(corrections)))
    return undefined
  } catch (error) {
    const full =
      error instanceof DOMException &&
      (error.name === 'QuotaExceededError' || error.name === 'NS_ERROR_DOM_QUOTA_REACHED')
    return full
      ? "the browser's storage for this page is full"
      : `the browser refused to store them (${error instanceof Error ? error.message : String(error)})`
  }
}
