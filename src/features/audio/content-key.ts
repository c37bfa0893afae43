import { keySpans } from '../../domain/audio/content-key'

/** A SHA-256 of the recording's size and sampled slices (see `keySpans`), as hex. */
export async function contentKey(file: Blob): Promise<string> {
  const spans = keySpans(file.size)
  const parts = await Promise.all(spans.map((s) => file.slice(s.start, s.end).arrayBuffer()))
  const size = new TextEncoder().encode(`${file.size}:`)
  const digest = await crypto.subtle.digest(
    'SHA-256',
    await new Blob([size, ...parts]).arrayBuffer(),
  )
  return Array.from(new Uint8Array(digest), (b) => b.toString(16).padStart(2, '0')).join('')
}
