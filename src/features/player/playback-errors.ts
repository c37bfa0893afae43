import { clockTime, linkExpiry } from '../../domain/links/link-expiry'
import { errorProblem } from '../../domain/problems'
import { playsFromLink, useCallStore } from '../../store/call-store'

/**
 * Says why the recording stopped playing, in the problems banner: the media element's failure
 * is otherwise silent, a playhead that no longer moves. A recording that plays from its link
 * most often fails because the link expired or the server went away; the call stays loaded.
 */
export function reportPlaybackError(error: Error) {
  const { audio } = useCallStore.getState().inputs
  if (!audio) return
  const why = readable(error.message)
  const message = playsFromLink(audio.url)
    ? linkFailure(audio.url, why)
    : `the browser cannot play this recording (${why}); its waveform and transcript stay usable`
  const problem = errorProblem(audio.name, '', message)
  const { audioProblems } = useCallStore.getState()
  if (audioProblems.some((p) => p.message === message)) return
  useCallStore.setState({ audioProblems: [...audioProblems, problem] })
}

/** wavesurfer's `Media error N` for a `MediaError` without a message, in words. */
const MEDIA_ERRORS: Record<string, string> = {
  '1': 'the read was aborted',
  '2': 'a network error',
  '3': 'the audio could not be decoded',
  '4': 'the source could not be read',
}

function readable(message: string): string {
  const code = /^Media error (\d)$/.exec(message)?.[1]
  return (code && MEDIA_ERRORS[code]) ?? message
}

function linkFailure(link: string, why: string): string {
  const expiry = linkExpiry(link)
  const expired =
    expiry && expiry.getTime() <= Date.now()
      ? `its link expired at ${clockTime(expiry)}`
      : 'its link may have expired, or its server no longer answers'
  return `the recording stopped playing (${why}): ${expired}. Reload the page with a fresh link, or open the file itself`
}
