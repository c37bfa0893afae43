/// <reference lib="webworker" />
import type { LinkLookupReply } from './link-lookup'
import { cachedByRanges } from './linked-keys'
import { cachedEntries, readPeaks } from './peaks-cache'

/**
 * Looks a reopened link, its name, up in the peaks cache by its key's slices, read in ranges,
 * away from the page: while the page starts (the call's messages, its first render) its tasks
 * would hold up every reply of these 32 requests and the cache's reads.
 */
async function lookUp(url: string) {
  const post = (reply: LinkLookupReply, transfer: Transferable[] = []) =>
    self.postMessage(reply, transfer)
  // Whatever fails, the page gets an answer: it may be waiting for this one.
  try {
    const hit = await cachedByRanges(
      url,
      { entries: cachedEntries, peaks: readPeaks, linkUnknown: () => post({ linkUnknown: true }) },
      new AbortController().signal,
    )
    if (!hit) return post({ found: null })
    const { keys, cached } = hit
    post({ found: { keys, cached } }, [...new Set(cached.peaks.map((p) => p.buffer))])
    post({ confirmed: await hit.confirm() })
  } catch {
    post({ found: null })
  }
}

void lookUp(self.name)
