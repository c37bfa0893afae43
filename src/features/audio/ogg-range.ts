import type { OggRange } from '../../domain/audio/decode-ranges'
import { OggPacketReader, scanOggPages } from '../../domain/audio/ogg-pages'
import type { RangeResult } from '../../domain/audio/range-sink'
import { RangeSink } from '../../domain/audio/range-sink'
import { OPUS_DECODE_RATE } from './decode-protocol'

export interface OpusFrameDecoder {
  decodeFrames(frames: Uint8Array[]): { channelData: Float32Array[]; samplesDecoded: number }
}

/** Decodes one range's pages (`bytes` starts at `range.byteStart`) into its peaks and features. */
export function decodeOggPages(
  decoder: OpusFrameDecoder,
  channels: number,
  range: Pick<OggRange, 'preroll' | 'startPos' | 'emitFrom' | 'emitTo'> & { bytes: ArrayBuffer },
): RangeResult {
  const bytes = new Uint8Array(range.bytes)
  const reader = new OggPacketReader()
  const sink = new RangeSink(channels, OPUS_DECODE_RATE, range.emitFrom, range.emitTo)
  let position = range.startPos
  let priming = range.preroll
  for (const page of scanOggPages(bytes)) {
    const packets = reader.push(bytes, page)
    if (priming) {
      // A few packets are enough for Opus to converge (RFC 7845 §4.6 suggests 80 ms).
      priming = false
      if (packets.length > 0) decoder.decodeFrames(packets.slice(-4))
      continue
    }
    if (packets.length === 0) continue
    const out = decoder.decodeFrames(packets)
    sink.take(out.channelData, out.samplesDecoded, position)
    position += out.samplesDecoded
    if (sink.full) break
  }
  return sink.result()
}
