import type { OpusFrameDecoder } from './ogg-range'
import { withRoom } from '../../domain/with-room'

/** What opus-decoder 0.7's own `decodeFrames` uses of its instance (not part of its typings). */
interface OpusInternals {
  _decoder: number
  _input: { ptr: number; buf: Uint8Array }
  _output: { ptr: number; buf: Float32Array }
  _outputChannels: number
  _common: {
    wasm: {
      opus_frame_decode_float_deinterleaved(
        decoder: number,
        input: number,
        length: number,
        output: number,
      ): number
    }
  }
}

function internals(decoder: object): OpusInternals | undefined {
  const d = decoder as Partial<OpusInternals>
  const ok =
    typeof d._common?.wasm.opus_frame_decode_float_deinterleaved === 'function' &&
    typeof d._decoder === 'number' &&
    d._input?.buf instanceof Uint8Array &&
    d._output?.buf instanceof Float32Array &&
    typeof d._outputChannels === 'number'
  return ok ? (d as OpusInternals) : undefined
}

/**
 * opus-decoder's `decodeFrames` copies every packet's samples twice into new arrays: 15 MB of
 * garbage a minute of stereo, which a worker's heap keeps until its next full collection (up to
 * some 64 MB each). This decodes the same packets through the same libopus calls into two
 * arrays reused from call to call. The channel data it returns is valid until the next call.
 * Without the internals it expects (another opus-decoder version), it is the library's own.
 */
export function reusingOpusDecoder(decoder: OpusFrameDecoder & object): OpusFrameDecoder {
  const opus = internals(decoder)
  if (!opus) return decoder
  let channels: Float32Array[] = Array.from(
    { length: opus._outputChannels },
    () => new Float32Array(0),
  )
  return {
    decodeFrames(frames) {
      // Checked before any is decoded: falling back halfway would decode the first ones twice.
      if (frames.some((frame) => frame.length > opus._input.buf.length))
        return decoder.decodeFrames(frames)
      let samples = 0
      for (const frame of frames) {
        opus._input.buf.set(frame)
        const { _decoder, _input, _output } = opus
        const decoded = opus._common.wasm.opus_frame_decode_float_deinterleaved(
          _decoder,
          _input.ptr,
          frame.length,
          _output.ptr,
        )
        // The library logs a failed packet and counts no samples for it; so does this.
        if (decoded <= 0) continue
        if (samples + decoded > (channels[0]?.length ?? 0))
          channels = channels.map((channel) => withRoom(channel, samples + decoded))
        channels.forEach((channel, c) =>
          channel.set(_output.buf.subarray(c * decoded, (c + 1) * decoded), samples),
        )
        samples += decoded
      }
      return { channelData: channels.map((c) => c.subarray(0, samples)), samplesDecoded: samples }
    },
  }
}
