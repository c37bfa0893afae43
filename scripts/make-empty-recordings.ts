/**
 * `npx tsx scripts/make-empty-recordings.ts`: writes the two empty recordings of e2e/corpus/ from
 * 5.9 s of a stereo tone encoded by ffmpeg (libopus):
 * - `header-only.ogg`: the Ogg Opus ID and comment header pages, cut before the first audio page;
 * - `header-only-eos.ogg`: the same headers followed by an empty end-of-stream page whose granule
 *   still claims 5.9 s (how a recorder that wrote no audio closes its file; the granule alone made
 *   the app list it as a 5.9 s recording).
 */
import { execFileSync } from 'node:child_process'
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { firstAudioPage, scanOggPages } from '../src/domain/audio/ogg-pages'

const dir = mkdtempSync(join(tmpdir(), 'empty-recordings-'))
const tone = join(dir, 'tone.ogg')
const ffmpeg = ['-loglevel', 'error', '-f', 'lavfi', '-i', 'sine=f=440:d=5.9', '-ac', '2']
execFileSync('ffmpeg', [...ffmpeg, '-c:a', 'libopus', tone])
const bytes = new Uint8Array(readFileSync(tone))
const pages = scanOggPages(bytes)
const firstAudio = pages[firstAudioPage(pages)]
const last = pages.at(-1)
if (!firstAudio || !last) throw new Error('ffmpeg wrote no audio page')
const headers = bytes.subarray(0, firstAudio.offset)

/** The last page with no segments (so no packet), flagged end-of-stream, its checksum redone. */
function emptyEndPage(last: { offset: number }): Uint8Array {
  const page = bytes.slice(last.offset, last.offset + 27)
  const view = new DataView(page.buffer)
  view.setUint8(5, 0x04)
  view.setUint32(18, firstAudioPage(pages), true)
  view.setUint32(22, 0, true)
  view.setUint8(26, 0)
  view.setUint32(22, oggCrc(page), true)
  return page
}

/** CRC-32 of RFC 3533 (polynomial 0x04c11db7, no reflection, zero initial value). */
function oggCrc(data: Uint8Array): number {
  let crc = 0
  for (const byte of data) {
    crc ^= byte << 24
    for (let bit = 0; bit < 8; bit++) crc = crc & 0x80000000 ? (crc << 1) ^ 0x04c11db7 : crc << 1
  }
  return crc >>> 0
}

writeFileSync('e2e/corpus/header-only.ogg', headers)
writeFileSync('e2e/corpus/header-only-eos.ogg', Buffer.concat([headers, emptyEndPage(last)]))
console.log(`header-only.ogg: ${headers.length} bytes; header-only-eos.ogg: ${headers.length + 27}`)
