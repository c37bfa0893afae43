import { expect, test } from 'vitest'
import { planOggRanges } from '../../domain/audio/decode-ranges'
import { PEAKS_PER_SECOND } from '../../domain/audio/peaks'
import { PeakAssembly } from '../../domain/audio/range-assembly'
import { OPUS_DECODE_RATE } from './decode-protocol'
import { decodeOggPages } from './ogg-range'
import { demo, demoDecoder, head, pages } from './demo-ogg.fixture'

// Decoding (and the alignment features) of a minute of audio, twice: allow a busy machine.
test(
  'ranges decoded apart (out of order, one decoder) give the peaks of one decode',
  { timeout: 60_000 },
  async () => {
    const plan = planOggRanges(pages, OPUS_DECODE_RATE, head?.preSkip ?? 0, demo.length)
    const whole = planOggRanges(
      pages.slice(0, 3),
      OPUS_DECODE_RATE,
      head?.preSkip ?? 0,
      demo.length,
    )
    const one = await demoDecoder()
    const reference = decodeOggPages(one, 2, {
      bytes: demo.slice(whole.ranges[0]?.byteStart).buffer,
      preroll: false,
      startPos: whole.ranges[0]?.startPos ?? 0,
      emitFrom: 0,
      emitTo: plan.totalSamples,
    })
    expect(reference.samples).toBe(plan.totalSamples)

    const duration = plan.totalSamples / OPUS_DECODE_RATE
    const assembled = new PeakAssembly(2, duration)
    const shared = await demoDecoder()
    for (const range of [...plan.ranges].reverse()) {
      const result = decodeOggPages(shared, 2, {
        ...range,
        bytes: demo.slice(range.byteStart, range.byteEnd).buffer,
      })
      expect(result.samples).toBe(range.emitTo - range.emitFrom)
      assembled.place((result.startSample * PEAKS_PER_SECOND) / OPUS_DECODE_RATE, result.peaks)
    }
    expect(assembled.fraction).toBe(1)
    for (let c = 0; c < 2; c++) {
      const a = assembled.peaks[c] ?? new Float32Array()
      const b = reference.peaks[c] ?? new Float32Array()
      expect(a.length).toBe(b.length)
      let worst = 0
      for (let i = 0; i < a.length; i++)
        worst = Math.max(worst, Math.abs((a[i] ?? 0) - (b[i] ?? 0)))
      // Only the few milliseconds after each cut, where the decoder converges, may differ.
      expect(worst).toBeLessThan(0.05)
    }
  },
)
