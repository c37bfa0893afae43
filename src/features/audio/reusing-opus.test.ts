import { OpusDecoder } from 'opus-decoder'
import { expect, test } from 'vitest'
import { planOggRanges } from '../../domain/audio/decode-ranges'
import { OPUS_DECODE_RATE } from './decode-protocol'
import { decodeOggPages } from './ogg-range'
import { demo, demoDecoder, head, pages } from './demo-ogg.fixture'
import { reusingOpusDecoder } from './reusing-opus'

test(
  'decoding into reused arrays gives the peaks and features of the library’s own decode',
  { timeout: 60_000 },
  async () => {
    const plan = planOggRanges(pages, OPUS_DECODE_RATE, head?.preSkip ?? 0, demo.length)
    const own = await demoDecoder()
    const reusing = reusingOpusDecoder(await demoDecoder())
    expect(reusing).not.toBeInstanceOf(OpusDecoder)
    for (const range of plan.ranges.slice(0, 3)) {
      const job = { ...range, bytes: demo.slice(range.byteStart, range.byteEnd).buffer }
      expect(decodeOggPages(reusing, 2, job)).toEqual(decodeOggPages(own, 2, job))
    }
  },
)
