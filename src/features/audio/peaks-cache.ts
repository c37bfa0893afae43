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
    request.onsuccess = () => {
      for (const name of OLD_DB_NAMES) indexedDB.deleteDatabase(name)
      resolve(request.result)
    }
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

export async function readPeaks(
  key: string,
  probe: Promise<string>,
): Promise<CachedPeaks | undefined> {
  try {
    const entry = await read<CachedPeaks>(PEAKS, key)
    if (entry) void probe.then((p) => touch(key, p)).catch(() => {})
    return entry
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
 * The probes of the cache's entries (undefined for an entry written before probes were stored),
 * read once when a download starts; undefined when the cache cannot be read.
 */
export async function cachedProbes(): Promise<(string | undefined)[] | undefined> {
  try {
    const db = await database()
    const metas = await new Promise<Meta[]>((resolve, reject) => {
      const request = db.transaction(META).objectStore(META).getAll()
      request.onsuccess = () => resolve(request.result as Meta[])
      request.onerror = () => reject(request.error ?? new Error('read failed'))
    })
    return metas.map((meta) => meta.probe)
  } catch {
    return undefined
  }
}

/**
 * Whether an entry may be this recording's, from its probe: an entry without one matches until a
 * reopen gives it one. True when the cache could not be read: the caller then waits for the whole
 * file and its full key, as without a probe.
 */
export function mayHold(probes: readonly (string | undefined)[] | undefined, probe: string) {
  return !probes || probes.some((known) => known === undefined || known === probe)
}

async function touch(key: string, probe: string) {
  const db = await database()
  const tx = db.transaction(META, 'readwrite')
  const store = tx.objectStore(META)
  const request = store.get(key)
  request.onsuccess = () => {
    const meta = request.result as Meta | undefined
    if (meta) store.put({ ...meta, usedAt: Date.now(), probe } satisfies Meta, key)
  }
  await done(tx)
}

function sizeOf(peaks: CachedPeaks, features: PackedFeatures | undefined): number {
  return peaks.peaks.reduce((n, a) => n + a.byteLength, features?.data.size ?? 0)
}

export async function writeCache(
  key: string,
  peaks: CachedPeaks,
  features: PackedFeatures | undefined,
  probe: string | undefined,
) {
  try {
    const bytes = sizeOf(peaks, features)
    if (bytes > CAP_BYTES) return
    const db = await database()
    const tx = db.transaction([PEAKS, FEATURES, META], 'readwrite')
    tx.objectStore(PEAKS).put(peaks, key)
    if (features) tx.objectStore(FEATURES).put(features, key)
    const meta: Meta = { bytes, usedAt: Date.now(), ...(probe ? { probe } : {}) }
    tx.objectStore(META).put(meta, key)
    await done(tx)
    await evict(db)
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
