import { readFileSync } from 'node:fs'
import { OpusDecoder } from 'opus-decoder'
import { opusHeadOf, scanOggPages } from '../../domain/audio/ogg-pages'
import { OPUS_DECODE_RATE } from './decode-protocol'

/** The demo recording's bytes, Ogg pages and OpusHead, for the decode tests. */
export const demo = new Uint8Array(
  readFileSync(new URL('../../../public/demo/audio.ogg', import.meta.url)),
)
export const pages = scanOggPages(demo)
export const head = opusHeadOf(demo, pages)

/** A libopus decoder for the demo at the decode workers' rate. */
export async function demoDecoder() {
  if (!head) throw new Error('no OpusHead')
  const d = new OpusDecoder({ ...head, preSkip: 0, sampleRate: OPUS_DECODE_RATE })
  await d.ready
  return d
}
