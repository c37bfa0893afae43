/** File name endings of the recordings Turnline opens; the file picker offers these. */
export const RECORDING_EXTENSIONS = [
  'ogg',
  'oga',
  'opus',
  'wav',
  'mp3',
  'm4a',
  'aac',
  'mp4',
  'webm',
  'mka',
  'mkv',
  'flac',
] as const

/** How many of a file's first bytes `startsLikeRecording` reads. */
export const SNIFF_BYTES = 12

const ascii = (head: Uint8Array, at: number, text: string) =>
  [...text].every((char, i) => head[at + i] === char.charCodeAt(0))

/**
 * Whether a file's first bytes are those of a recording: Ogg, RIFF/WAVE, AIFF, FLAC, Matroska or
 * WebM, MP4/M4A, or MPEG audio (an ID3 tag, or an MP3 or ADTS frame's sync word). No JSON file
 * starts so, whatever its name says. (Chromium plays no AIFF: known as a recording, it is refused
 * as one the browser cannot decode, not as a file that is not JSON.)
 */
export function startsLikeRecording(head: Uint8Array): boolean {
  return (
    ascii(head, 0, 'OggS') ||
    (ascii(head, 0, 'RIFF') && ascii(head, 8, 'WAVE')) ||
    (ascii(head, 0, 'FORM') && (ascii(head, 8, 'AIFF') || ascii(head, 8, 'AIFC'))) ||
    ascii(head, 0, 'fLaC') ||
    (head[0] === 0x1a && head[1] === 0x45 && head[2] === 0xdf && head[3] === 0xa3) ||
    ascii(head, 4, 'ftyp') ||
    ascii(head, 0, 'ID3') ||
    (head[0] === 0xff && ((head[1] ?? 0) & 0xe0) === 0xe0)
  )
}
