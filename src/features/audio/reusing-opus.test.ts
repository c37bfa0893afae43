import { readFileSync } from 'node:fs'
import { OpusDecoder } from 'opus-decoder'
import { expect, test } from 'vitest'
import { planOggRanges } from '../../domain/audio/decode-ranges'
import { OggPacketReader, parseOpusHead, scanOggPages } from '../../domain/audio/ogg-pages'
import type { OggPage } from '../../domain/audio/ogg-pages'
import { OPUS_DECODE_RATE } from './decode-protocol'
import { decodeOggPages } from './ogg-range'
import { reusingOpusDecoder } from './reusing-opus'

const demo = new Uint8Array(
  readFileSync(new URL('../../../public/demo/audio.ogg', import.meta.url)),
)
const pages = scanOggPages(demo)
const head = parseOpusHead(new OggPacketReader().push(demo, pages[0] as OggPage)[0] ?? demo)

async function decoder() {
  if (!head) throw new Error('no OpusHead')
  const d = new OpusDecoder({ ...head, preSkip: 0, sampleRate: OPUS_DECODE_RATE })
  await d.ready
  return d
}

test(
  'decoding into reused arrays gives the peaks and features of the library’s own decode',
  { timeout: 60_000 },
  async () => {
    const plan = planOggRanges(pages, OPUS_DECODE_RATE, head?.preSkip ?? 0, demo.length)
    const own = await decoder()
    const reusing = reusingOpusDecoder(await decoder())
    expect(reusing).not.toBeInstanceOf(OpusDecoder)
    for (const range of plan.ranges.slice(0, 3)) {
      const job = { ...range, bytes: demo.slice(range.byteStart, range.byteEnd).buffer }
      expect(decodeOggPages(reusing, 2, job)).toEqual(decodeOggPages(own, 2, job))
    }
  },
)
