import type { CallHistory } from '../call'
import { versionAtLeast } from '../text'

export interface VadSegment {
  start: number
  end: number
}

/**
 * Speaking→listening pairs of `user_state_changed` events (formats.md §2.2). Python ≥ 1.5.0
 * back-dates them to the VAD edges; other producers emit them about 0.05 s after the start and
 * 0.55 s after the end of speech, which is corrected here.
 */
export function vadSegments(history: CallHistory): VadSegment[] {
  const backDated = history.sdk === 'python' && versionAtLeast(history.sdkVersion, '1.5.0')
  const startLag = backDated ? 0 : 0.05
  const endLag = backDated ? 0 : 0.55
  const segments: VadSegment[] = []
  let speakingSince: number | undefined
  for (const event of history.events) {
    if (event.type !== 'user_state_changed') continue
    if (event.new_state === 'speaking') speakingSince = event.created_at - startLag
    else if (speakingSince !== undefined) {
      segments.push({
        start: speakingSince,
        end: Math.max(speakingSince, event.created_at - endLag),
      })
      speakingSince = undefined
    }
  }
  return segments
}
