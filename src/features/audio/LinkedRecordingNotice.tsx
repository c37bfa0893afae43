import { useEffect, useState } from 'react'
import { clockTime, expiryWording, linkExpiry } from '../../domain/links/link-expiry'
import { playsFromLink, useCallStore } from '../../store/call-store'
import { formatBytes } from '../loading/fetch-source'
import { cancelKeepCopy, keepCopy, useKeptCopy } from './keep-copy'

/** Under this much time left, the notice is a warning. */
const SOON_MS = 60 * 60_000

/**
 * For a recording that plays from a signed link (a large WAV, a reopened cached link): when the
 * link stops answering, and a button that keeps a copy in the page so that seeking no longer
 * needs it. Unsigned links say "plays from its link" in the call summary only.
 */
export function LinkedRecordingNotice() {
  const audio = useCallStore((s) => s.inputs.audio)
  const kept = useKeptCopy()
  const now = useClock(30_000)
  const link = audio && playsFromLink(audio.url) && !audio.decodingRest ? audio.url : undefined
  const expiry = link === undefined ? undefined : linkExpiry(link)
  if (!audio || !link || !expiry) return null
  const keeping = kept.link === link && kept.error === undefined
  const left = expiry.getTime() - now
  return (
    <p className={left < SOON_MS ? 'link-notice warn' : 'link-notice'} data-testid="link-notice">
      <strong>{audio.name}</strong> plays from its link, which{' '}
      {expiryWording(expiry, new Date(now))} ({clockTime(expiry)}).{' '}
      {advice(left, audio.unread === true)}{' '}
      {audio.unread ? null : keeping ? (
        <span role="status">
          Keeping a copy… {kept.loaded !== undefined && formatBytes(kept.loaded)}
          {kept.total !== undefined && ` of ${formatBytes(kept.total)}`}{' '}
          <button type="button" onClick={cancelKeepCopy}>
            Cancel
          </button>
        </span>
      ) : (
        <button type="button" onClick={() => void keepCopy(audio)}>
          Keep a copy
        </button>
      )}
      {kept.link === link && kept.error !== undefined && (
        <span role="alert"> The copy could not be kept: {kept.error}</span>
      )}
    </p>
  )
}

function advice(msLeft: number, unread: boolean): string {
  if (msLeft <= 0)
    return 'Seeking may fail: reload the page with a fresh link, or open the file itself.'
  return unread
    ? 'Seeking reads the link, which this page may not copy: to go on once it has expired, download the file and open it here.'
    : 'Seeking reads the link: keep a copy in this tab to go on once it has expired.'
}

/** `Date.now()`, again every `everyMs`. */
function useClock(everyMs: number): number {
  const [now, setNow] = useState(() => Date.now())
  useEffect(() => {
    const timer = setInterval(() => setNow(Date.now()), everyMs)
    return () => clearInterval(timer)
  }, [everyMs])
  return now
}
