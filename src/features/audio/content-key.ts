import type { Span } from '../../domain/audio/content-key'
import { keySpans, probeSpans } from '../../domain/audio/content-key'

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

async function digestOf(size: number, spans: Span[], read: (span: Span) => Blob): Promise<string> {
  const parts = await Promise.all(spans.map((s) => read(s).arrayBuffer()))
  const prefix = new TextEncoder().encode(`${size}:`)
  const digest = await crypto.subtle.digest(
    'SHA-256',
    await new Blob([prefix, ...parts]).arrayBuffer(),
  )
  return Array.from(new Uint8Array(digest), (b) => b.toString(16).padStart(2, '0')).join('')
}
