import { sameLink } from '../../domain/links/unsigned-link'
import { evictionsFor } from '../../domain/audio/cache-eviction'
import type { PackedFeatures } from '../../domain/audio/packed-features'

/**
 * Peaks and alignment features of recordings already decoded, in IndexedDB, keyed by
 * `contentKey`. Peaks (about 3 MB an hour) and features are separate records so a reopened call
 * draws its waveform before the larger features are read. Least recently used entries go once
 * the total passes `CAP_BYTES`. Every failure (private mode, quota) only means no cache.
 */
export interface CachedPeaks {
  duration: number
  channels: number
  peaks: Float32Array[]
  firstUserOnset?: number
}

interface Meta {
  bytes: number
  usedAt: number
  /** `probeKey` of the recording: a download looks it up before it has the whole file. */
  probe?: string
  /** The recording's size in bytes: a download whose size no entry has is not cached. */
  size?: number
  /**
   * The absolute link it was last downloaded from: a reopen of that link is looked up by it
   * before any of its bytes are read (see `cachedByRanges`).
   */
  link?: string
}

/** What the cache knows of an entry before reading it (see `cachedEntries`). */
export interface CacheEntry {
  key: string
  probe?: string
  size?: number
  link?: string
}

// A new version starts an empty cache: bump it when what is stored changes (v4: half-float
// features). The earlier versions' databases are deleted, or each would keep up to its cap.
const DB_NAME = 'turnline-peaks-v4'
const OLD_DB_NAMES = ['turnline-peaks-v1', 'turnline-peaks-v2', 'turnline-peaks-v3']
const PEAKS = 'peaks'
const FEATURES = 'features'
const META = 'meta'
export const CAP_BYTES = 256 * 1024 * 1024

let opening: Promise<IDBDatabase> | undefined

/** Opens the cache ahead of the first read, e.g. while the content key is computed. */
export function openPeaksCache() {
  database().catch(() => {})
}

function database(): Promise<IDBDatabase> {
  opening ??= new Promise<IDBDatabase>((resolve, reject) => {
    const request = indexedDB.open(DB_NAME, 1)
    request.onupgradeneeded = () => {
      for (const store of [PEAKS, FEATURES, META]) request.result.createObjectStore(store)
    }
    request.onsuccess = () => resolve(request.result)
    request.onerror = () => reject(request.error ?? new Error('IndexedDB unavailable'))
  })
  opening.catch(() => (opening = undefined))
  return opening
}

function done(request: IDBRequest | IDBTransaction): Promise<void> {
  return new Promise((resolve, reject) => {
    if (request instanceof IDBTransaction) {
      request.oncomplete = () => resolve()
      request.onerror = request.onabort = () => reject(request.error ?? new Error('aborted'))
    } else {
      request.onsuccess = () => resolve()
      request.onerror = () => reject(request.error ?? new Error('failed'))
    }
  })
}

function read<T>(store: string, key: IDBValidKey): Promise<T | undefined> {
  return database().then(
    (db) =>
      new Promise<T | undefined>((resolve, reject) => {
        const request = db.transaction(store).objectStore(store).get(key)
        request.onsuccess = () => resolve(request.result as T | undefined)
        request.onerror = () => reject(request.error ?? new Error('read failed'))
      }),
  )
}

/**
 * The entry's peaks. Reading does not mark the entry as used: a lookup ahead of the key may read
 * an entry it then leaves, so the caller calls `touchEntry` once it takes the hit.
 */
export async function readPeaks(key: string): Promise<CachedPeaks | undefined> {
  try {
    return await read<CachedPeaks>(PEAKS, key)
  } catch {
    return undefined
  }
}

/**
 * The features stay a Blob: IndexedDB hands one back without copying its bytes into the page,
 * and the workers that need them read it themselves.
 */
export async function readFeatures(key: string): Promise<PackedFeatures | undefined> {
  try {
    return await read<PackedFeatures>(FEATURES, key)
  } catch {
    return undefined
  }
}

/**
 * What the cache knows of its entries (an entry written before probes or sizes were stored has
 * none), read once when a download starts; undefined when the cache cannot be read.
 */
export async function cachedEntries(): Promise<CacheEntry[] | undefined> {
  try {
    const db = await database()
    const tx = db.transaction(META)
    const keys = tx.objectStore(META).getAllKeys()
    const metas = tx.objectStore(META).getAll()
    await done(tx)
    // Every key is a `contentKey`, a string.
    const stored = keys.result as string[]
    return (metas.result as Meta[]).map((meta, i) => ({
      key: stored[i]!,
      ...(meta.probe ? { probe: meta.probe } : {}),
      ...(meta.size !== undefined ? { size: meta.size } : {}),
      ...(meta.link ? { link: meta.link } : {}),
    }))
  } catch {
    return undefined
  }
}

/**
 * Whether an entry may be this recording's, from its probe: an entry without one matches until a
 * reopen gives it one. True when the cache could not be read: the caller then waits for the whole
 * file and its full key, as without a probe.
 */
export function mayHold(entries: readonly CacheEntry[] | undefined, probe: string) {
  return !entries || entries.some((entry) => entry.probe === undefined || entry.probe === probe)
}

/** The entries of a recording of `size` bytes: its own, if the cache has it, is among them. */
export function entriesOfSize(entries: readonly CacheEntry[] | undefined, size: number) {
  return (entries ?? []).filter((entry) => entry.size === size)
}

/** What a reopen looks an entry up by before its key is known (see `Meta`). */
export interface LookedUpBy {
  probe: string | undefined
  size: number
  link?: string | undefined
}

/** Marks a hit as just used (eviction goes by last use) and stores what a reopen looks it up by. */
export function touchEntry(key: string, by: LookedUpBy) {
  touch(key, by).catch(() => {})
}

async function touch(key: string, { probe, size, link }: LookedUpBy) {
  const db = await database()
  const tx = db.transaction(META, 'readwrite')
  const store = tx.objectStore(META)
  const request = store.get(key)
  request.onsuccess = () => {
    const meta = request.result as Meta | undefined
    if (!meta) return
    const found: Meta = { ...meta, usedAt: Date.now(), size, ...(probe ? { probe } : {}) }
    store.put(link ? { ...found, link } : found, key)
    if (link) takeLink(store, key, link)
  }
  await done(tx)
}

/**
 * Entry `key` is the recording at `link` now: any other that was (the file behind the link
 * changed) gives the link up, so that the link finds one entry again (see `cachedByRanges`).
 */
function takeLink(metas: IDBObjectStore, key: string, link: string) {
  const walk = metas.openCursor()
  walk.onsuccess = () => {
    const at = walk.result
    if (!at) return
    const meta = at.value as Meta
    if (at.key !== key && sameLink(meta.link, link)) {
      const rest = { ...meta }
      delete rest.link
      at.update(rest)
    }
    at.continue()
  }
}

function sizeOf(peaks: CachedPeaks, features: PackedFeatures | undefined): number {
  return peaks.peaks.reduce((n, a) => n + a.byteLength, features?.data.size ?? 0)
}

/** `recording`: what the entry is looked up by before its key is known. */
export async function writeCache(
  key: string,
  peaks: CachedPeaks,
  features: PackedFeatures | undefined,
  recording: LookedUpBy,
) {
  try {
    const bytes = sizeOf(peaks, features)
    if (bytes > CAP_BYTES) return
    const db = await database()
    const tx = db.transaction([PEAKS, FEATURES, META], 'readwrite')
    tx.objectStore(PEAKS).put(peaks, key)
    if (features) tx.objectStore(FEATURES).put(features, key)
    const { probe, size, link } = recording
    const meta: Meta = {
      bytes,
      usedAt: Date.now(),
      size,
      ...(probe ? { probe } : {}),
      ...(link ? { link } : {}),
    }
    tx.objectStore(META).put(meta, key)
    if (link) takeLink(tx.objectStore(META), key, link)
    await done(tx)
    await evict(db)
    // Here, not as the cache opens: a reopen's read would queue behind the deletions.
    for (const name of OLD_DB_NAMES) indexedDB.deleteDatabase(name)
  } catch (error) {
    console.warn('Turnline: the peaks cache could not be written', error)
  }
}

/** Drops the least recently used entries until the cache fits `CAP_BYTES`. */
async function evict(db: IDBDatabase) {
  const tx = db.transaction([PEAKS, FEATURES, META], 'readwrite')
  const metas = tx.objectStore(META)
  const keys = metas.getAllKeys()
  const values = metas.getAll()
  await done(values)
  const entries = (values.result as Meta[]).map((meta, i) => ({ ...meta, key: keys.result[i] }))
  for (const key of evictionsFor(entries, CAP_BYTES)) {
    if (key === undefined) continue
    for (const store of [PEAKS, FEATURES, META]) tx.objectStore(store).delete(key)
  }
  await done(tx)
}
