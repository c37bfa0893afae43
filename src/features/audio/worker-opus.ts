import { OpusDecoder } from 'opus-decoder'
import type { OpusHead } from '../../domain/audio/ogg-pages'
import { OPUS_DECODE_RATE } from './decode-protocol'
import type { OpusFrameDecoder } from './ogg-range'
import { reusingOpusDecoder } from './reusing-opus'

let opus:
  | { key: string; decoder: OpusDecoder<typeof OPUS_DECODE_RATE>; frames: OpusFrameDecoder }
  | undefined

/**
 * A decode worker's libopus decoder for a stream of `head`, at `OPUS_DECODE_RATE`, with no
 * pre-skip (the caller places the samples). One per worker: a new range primes it with packets
 * ahead of the range instead of a reset; another stream's replaces it.
 */
export async function workerOpusDecoder(head: OpusHead): Promise<OpusFrameDecoder> {
  const key = JSON.stringify(head)
  if (opus?.key === key) return opus.frames
  opus?.decoder.free()
  const decoder = new OpusDecoder({
    channels: head.channels,
    streamCount: head.streamCount,
    coupledStreamCount: head.coupledStreamCount,
    channelMappingTable: head.channelMappingTable,
    preSkip: 0,
    sampleRate: OPUS_DECODE_RATE,
  })
  await decoder.ready
  opus = { key, decoder, frames: reusingOpusDecoder(decoder) }
  return opus.frames
}
