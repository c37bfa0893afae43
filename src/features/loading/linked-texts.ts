import type { InputRole, ParsedInput } from '../../domain/parse/parse-input'
import type { ParseResult } from '../../domain/problems'
import type { Progress } from './fetch-source'
import { limitsFrom, TEXT_LIMITS } from './fetch-source'
import type { LinkedParse } from './parse-off-thread'
import { parseLinkOffThread, releaseHeldParses } from './parse-off-thread'
import { textsAfterOpening } from '../audio/decode-gate'
import type { UrlText } from './url-sources'
import { fileNameOf } from './url-sources'

/** Those the page's first script started, by link, until the app takes them. */
const early = new Map<string, LinkedParse>()

/**
 * Downloads the call's texts (history, timings…) in the parse worker from the page's first
 * script, while the app's code loads; their bytes never reach the page's thread. With a
 * recording to open, they are parsed once its first waveform is drawn (`textsAfterOpening`).
 */
export function parseTextsEarly(texts: readonly UrlText[], afterRecording: boolean) {
  for (const { url, role } of texts)
    if (!early.has(url)) early.set(url, parseLinked(url, role, afterRecording))
  if (afterRecording && texts.length > 0) void textsAfterOpening().then(releaseHeldParses)
}

/**
 * One of the call's texts, downloaded and parsed: the first script's (see `parseTextsEarly`), or
 * started now. Rejects with the download's failure, as `fetchText` words it.
 */
export function takeParsedText(
  url: string,
  role: InputRole,
  { signal, onProgress }: { signal: AbortSignal; onProgress: Progress },
): Promise<ParseResult<ParsedInput>> {
  const linked = early.get(url) ?? parseLinked(url, role)
  early.delete(url)
  linked.follow(onProgress)
  if (signal.aborted) linked.cancel()
  else signal.addEventListener('abort', () => linked.cancel(), { once: true })
  return linked.result
}

function parseLinked(url: string, role: InputRole, held = false): LinkedParse {
  const limits = limitsFrom(window.location.search, TEXT_LIMITS)
  return parseLinkOffThread(url, fileNameOf(url), role, limits, held)
}
