import type { Span } from '../../domain/audio/content-key'
import { keySpans, probeSpans } from '../../domain/audio/content-key'

/** A recording's cache key and probe (see `contentKey`, `probeKey`), and its size in bytes. */
export interface RecordingKeys {
  key: string
  probe: string
  size: number
}

/** A SHA-256 of the recording's size and sampled slices (see `keySpans`), as hex. */
export function contentKey(file: Blob): Promise<string> {
  return digestOfSpans(file.size, keySpans(file.size), (s) => file.slice(s.start, s.end))
}

/**
 * The same hash over the key's first and last slices only (`probeSpans`): a recording whose
 * probe no cache entry has is certainly not cached, which a download knows from its first chunk
 * and its tail. `read` gives the bytes of a span.
 */
export function probeKey(size: number, read: (span: Span) => Blob | Uint8Array): Promise<string> {
  return digestOfSpans(size, probeSpans(size), read)
}

/**
 * The key's slices copied from a download's bytes as they go by, for a file that is not kept:
 * its keys once every byte has been seen, the same as `contentKey` and `probeKey` of the file.
 */
export class KeySlices {
  private readonly spans: Span[]
  private readonly slices: Uint8Array<ArrayBuffer>[]

  constructor(private readonly size: number) {
    this.spans = keySpans(size)
    this.slices = this.spans.map((s) => new Uint8Array(s.end - s.start))
  }

  /** Bytes of the file from byte `at` on. */
  take(bytes: Uint8Array, at: number) {
    this.spans.forEach((span, i) => {
      const from = Math.max(span.start, at)
      const to = Math.min(span.end, at + bytes.byteLength)
      if (to > from) this.slices[i]!.set(bytes.subarray(from - at, to - at), from - span.start)
    })
  }

  /** Digested from the copies in hand: no Blob is made and read back, which took 20–50 ms. */
  async keys(): Promise<RecordingKeys> {
    const probeSlices = [this.slices[0]!, this.slices.at(-1)!]
    const [key, probe] = await Promise.all([
      digestOf(this.size, this.slices),
      digestOf(this.size, this.slices.length > 1 ? probeSlices : this.slices),
    ])
    return { key, probe, size: this.size }
  }
}

/** Bytes already in hand are digested as they are; a Blob's are read first. */
async function digestOfSpans(
  size: number,
  spans: Span[],
  read: (span: Span) => Blob | Uint8Array,
): Promise<string> {
  const parts = await Promise.all(
    spans.map(async (s) => {
      const part = read(s)
      return part instanceof Blob ? new Uint8Array(await part.arrayBuffer()) : part
    }),
  )
  return digestOf(size, parts)
}

/** SHA-256 of `${size}:` and the parts, as hex. */
async function digestOf(size: number, parts: readonly Uint8Array[]): Promise<string> {
  const prefix = new TextEncoder().encode(`${size}:`)
  const all = new Uint8Array(parts.reduce((n, part) => n + part.byteLength, prefix.byteLength))
  let at = 0
  for (const part of [prefix, ...parts]) {
    all.set(part, at)
    at += part.byteLength
  }
  const digest = await crypto.subtle.digest('SHA-256', all)
  return Array.from(new Uint8Array(digest), (b) => b.toString(16).padStart(2, '0')).join('')
}
