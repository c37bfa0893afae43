// The mini build: this store is in the app's first chunk, which the page waits for.
import { errorText } from '../domain/error-text'
import * as z from 'zod/mini'
import { create } from 'zustand'
import type { Finding } from '../domain/review/findings'
import { DEFAULT_TAGS, mergeFindings } from '../domain/review/findings'
import { useReviewStore } from './review-store'

/**
 * The reviewer's findings, per call, saved next to (not inside) the corrections: they are notes
 * about the call, not positions, and undo/redo of a nudge must not take a note away.
 */
export interface FindingsState {
  callKey?: string
  findings: Finding[]
  /** The default tags plus any the reviewer added (kept for every call). */
  tags: string[]
  /** Why the last save failed, if it did: the findings are still in memory. */
  saveError?: string
}

const PREFIX = 'turnline:findings:'
const TAGS_KEY = 'turnline:finding-tags'

const storedFinding = z.object({
  id: z.string(),
  tag: z.string(),
  note: z.string(),
  itemId: z.optional(z.string()),
  start: z.number(),
  end: z.number(),
  createdAt: z.string(),
})
const storedFindings = z.array(storedFinding)
const storedTags = z.array(z.string())

function readStored<T>(key: string, schema: z.ZodMiniType<T>): T | undefined {
  try {
    const raw = localStorage.getItem(key)
    if (raw === null) return undefined
    const parsed = schema.safeParse(JSON.parse(raw))
    return parsed.success ? parsed.data : undefined
  } catch {
    return undefined
  }
}

function write(key: string, value: unknown): string | undefined {
  try {
    localStorage.setItem(key, JSON.stringify(value))
    return undefined
  } catch (error) {
    return errorText(error)
  }
}

function loadTags(): string[] {
  const extra = readStored(TAGS_KEY, storedTags) ?? []
  return [...DEFAULT_TAGS, ...extra.filter((t) => !DEFAULT_TAGS.includes(t))]
}

export const useFindingsStore = create<FindingsState>(() => ({ findings: [], tags: loadTags() }))

function setFindings(findings: Finding[]) {
  const { callKey } = useFindingsStore.getState()
  const saveError = callKey === undefined ? undefined : write(PREFIX + callKey, findings)
  useFindingsStore.setState({ findings, saveError })
}

let nextId = 0
function newId(): string {
  nextId++
  return `f_${Date.now().toString(36)}_${nextId}`
}

export const findingsActions = {
  load: (callKey: string | undefined) => {
    const findings =
      callKey === undefined ? [] : (readStored(PREFIX + callKey, storedFindings) ?? [])
    useFindingsStore.setState({
      callKey,
      findings,
      saveError: undefined,
    })
  },
  add: (finding: Omit<Finding, 'id' | 'createdAt'>): Finding => {
    const created: Finding = { ...finding, id: newId(), createdAt: new Date().toISOString() }
    setFindings([...useFindingsStore.getState().findings, created])
    return created
  },
  update: (id: string, patch: Partial<Pick<Finding, 'tag' | 'note' | 'start' | 'end'>>) => {
    setFindings(
      useFindingsStore.getState().findings.map((f) => (f.id === id ? { ...f, ...patch } : f)),
    )
  },
  remove: (id: string) => {
    setFindings(useFindingsStore.getState().findings.filter((f) => f.id !== id))
  },
  /** Findings from a re-opened export. */
  merge: (incoming: readonly Finding[]) => {
    if (incoming.length > 0)
      setFindings(mergeFindings(useFindingsStore.getState().findings, incoming))
  },
  addTag: (tag: string) => {
    const clean = tag.trim()
    const { tags } = useFindingsStore.getState()
    if (clean === '' || tags.includes(clean)) return
    const next = [...tags, clean]
    write(
      TAGS_KEY,
      next.filter((t) => !DEFAULT_TAGS.includes(t)),
    )
    useFindingsStore.setState({ tags: next })
  },
}

// The findings follow the review: whenever another call (or recording) opens, load its own.
findingsActions.load(useReviewStore.getState().callKey)
useReviewStore.subscribe((state, previous) => {
  if (state.callKey !== previous.callKey) findingsActions.load(state.callKey)
})
