/// <reference lib="webworker" />
import type { LinkLookup, LinkLookupReply } from './link-lookup'
import { cachedByRanges } from './linked-keys'
import { cachedEntries, readPeaks } from './peaks-cache'

/**
 * Looks a reopened link up in the peaks cache by its key's slices, read in ranges, away from the
 * page: while the page starts (the call's messages, its first render) its tasks would hold up
 * every reply of these 32 requests and the cache's reads.
 */
self.onmessage = async (event: MessageEvent<LinkLookup>) => {
  // Whatever fails, the page gets an answer: it may be waiting for this one.
  try {
    const found = await cachedByRanges(
      event.data.url,
      { entries: cachedEntries, peaks: readPeaks },
      new AbortController().signal,
    )
    const reply: LinkLookupReply = found ?? null
    self.postMessage(reply, found ? [...new Set(found.cached.peaks.map((p) => p.buffer))] : [])
  } catch {
    self.postMessage(null satisfies LinkLookupReply)
  }
}
