import type { PlacedItem, Timeline } from '../timeline'

const SPEAKER: Record<'user' | 'agent', string> = { user: 'User', agent: 'Agent' }

function spokenCues(timeline: Timeline): (PlacedItem & { end: number; lane: 'user' | 'agent' })[] {
  return timeline.items.filter(
    (i): i is PlacedItem & { end: number; lane: 'user' | 'agent' } =>
      i.lane !== 'marker' && i.end !== null && i.text !== '',
  )
}

/** `HH:MM:SS.mmm` (WebVTT) or `HH:MM:SS,mmm` (SRT); negative times clamp to zero. */
export function formatTimestamp(seconds: number, separator: '.' | ','): string {
  const ms = Math.max(0, Math.round(seconds * 1000))
  const h = Math.floor(ms / 3_600_000)
  const m = Math.floor(ms / 60_000) % 60
  const s = Math.floor(ms / 1000) % 60
  const pad = (n: number, width = 2) => String(n).padStart(width, '0')
  return `${pad(h)}:${pad(m)}:${pad(s)}${separator}${pad(ms % 1000, 3)}`
}

/** Every line-break form a history may carry: CRLF, CR, LF, NEL, LS, PS. */
const LINE_BREAK = /\r\n|[\r\n\u0085\u2028\u2029]/

/** Cue text: LF line breaks only and no blank line (a blank line ends a cue), no `-->`. */
export function cueText(text: string): string {
  return text
    .split(LINE_BREAK)
    .filter((line) => line.trim() !== '')
    .join('\n')
    .replace(/-->/g, '→')
}

/** A WebVTT cue identifier is one line and may not contain `-->`. */
export function cueId(id: string): string {
  return id.split(LINE_BREAK).join(' ').replace(/-->/g, '→')
}

export function toWebVtt(timeline: Timeline): string {
  const cues = spokenCues(timeline).map((item) => {
    const time = `${formatTimestamp(item.start, '.')} --> ${formatTimestamp(item.end, '.')}`
    const text = cueText(item.text).replace(/&/g, '&amp;').replace(/</g, '&lt;')
    return `${cueId(item.id)}\n${time}\n<v ${SPEAKER[item.lane]}>${text}`
  })
  return ['WEBVTT', ...cues].join('\n\n') + '\n'
}

export function toSrt(timeline: Timeline): string {
  const cues = spokenCues(timeline).map((item, index) => {
    const time = `${formatTimestamp(item.start, ',')} --> ${formatTimestamp(item.end, ',')}`
    return `${index + 1}\n${time}\n${SPEAKER[item.lane]}: ${cueText(item.text)}`
  })
  return cues.join('\n\n') + '\n'
}
