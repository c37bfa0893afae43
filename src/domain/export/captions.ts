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

function cueText(text: string): string {
  return text.replace(/\n{2,}/g, '\n').replace(/-->/g, '→')
}

export function toWebVtt(timeline: Timeline): string {
  const cues = spokenCues(timeline).map((item) => {
    const time = `${formatTimestamp(item.start, '.')} --> ${formatTimestamp(item.end, '.')}`
    const text = cueText(item.text).replace(/&/g, '&amp;').replace(/</g, '&lt;')
    return `${item.id}\n${time}\n<v ${SPEAKER[item.lane]}>${text}`
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
