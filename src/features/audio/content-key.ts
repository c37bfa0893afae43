import type { Span } from '../../domain/audio/content-key'
import { keySpans, probeSpans } from '../../domain/audio/content-key'

/** A recording's cache key and probe (see `contentKey`, `probeKey`). */
export interface RecordingKeys {
  key: string
  probe: string
}

/** A SHA-256 of the recording's size and sampled slices (see `keySpans`), as hex. */
export function contentKey(file: Blob): Promise<string> {
  return digestOf(file.size, keySpans(file.size), (s) => file.slice(s.start, s.end))
}

/**
 * The same hash over the key's first and last slices only (`probeSpans`): a recording whose
 * probe no cache entry has is certainly not cached, which a download knows from its first chunk
 * and its tail. `read` gives the bytes of a span.
 */
export function probeKey(size: number, read: (span: Span) => Blob): Promise<string> {
  return digestOf(size, probeSpans(size), read)
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

  async keys(): Promise<RecordingKeys> {
    const read = (span: Span) => {
      const i = this.spans.findIndex((s) => s.start === span.start && s.end === span.end)
      return new Blob([this.slices[i]!])
    }
    const [key, probe] = await Promise.all([
      digestOf(this.size, this.spans, read),
      probeKey(this.size, read),
    ])
    return { key, probe }
  }
}

async function digestOf(size: number, spans: Span[], read: (span: Span) => Blob): Promise<string> {
  const parts = await Promise.all(spans.map((s) => read(s).arrayBuffer()))
  const prefix = new TextEncoder().encode(`${size}:`)
  const digest = await crypto.subtle.digest(
    'SHA-256',
    await new Blob([prefix, ...parts]).arrayBuffer(),
  )
  return Array.from(new Uint8Array(digest), (b) => b.toString(16).padStart(2, '0')).join('')
}
