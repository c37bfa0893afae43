import type { MPEGDecoder } from 'mpg123-decoder'

/** Decoded samples, one view per channel; valid only until the callback returns. */
export type BlockSink = (channelData: readonly Float32Array[], samples: number) => void

/** Feeds MPEG frames to a decoder and hands every block it decodes to `sink`, in order. */
export type MpegFeed = (bytes: Uint8Array, sink: BlockSink) => void

/** What mpg123-decoder 1.0's own `decode` uses of its instance (not part of its typings). */
interface MpegInternals {
  _decoder: number
  _input: { ptr: number; len: number; buf: Uint8Array }
  _output: { ptr: number; len: number; buf: Float32Array }
  _samplesDecodedPtr: { ptr: number; buf: Uint32Array }
  _sampleRatePtr: { ptr: number }
  _errorStringPtr: { ptr: number }
  _common: {
    wasm: {
      mpeg_decoder_feed(decoder: number, input: number, length: number): number
      mpeg_decoder_read(
        decoder: number,
        output: number,
        outputLength: number,
        samplesDecoded: number,
        sampleRate: number,
        errorString: number,
      ): number
    }
  }
}

function internals(decoder: MPEGDecoder): MpegInternals | undefined {
  const d = decoder as unknown as Partial<MpegInternals>
  const ok =
    typeof d._common?.wasm.mpeg_decoder_feed === 'function' &&
    typeof d._common.wasm.mpeg_decoder_read === 'function' &&
    typeof d._decoder === 'number' &&
    d._input?.buf instanceof Uint8Array &&
    d._output?.buf instanceof Float32Array &&
    d._samplesDecodedPtr?.buf instanceof Uint32Array &&
    typeof d._sampleRatePtr?.ptr === 'number' &&
    typeof d._errorStringPtr?.ptr === 'number'
  return ok ? (d as MpegInternals) : undefined
}

// libmpg123's return codes.
const NEED_MORE = -10
const NEW_FORMAT = -11
/** Reads in a row that fail and decode nothing before the rest of the input is given up. */
const MAX_FAILED_READS = 8

/**
 * mpg123-decoder's `decode` copies each block of samples three times into new arrays: at 48 kHz
 * stereo some 700 MB of garbage for half an hour, which a worker's heap keeps until its next full
 * collection (tens of MB). This makes the same libmpg123 calls and hands each block straight
 * from the decoder's own output buffer. Without the internals it expects (another version of the
 * library), it is the library's own `decode`.
 */
export function streamingMpegFeed(decoder: MPEGDecoder): MpegFeed {
  const mpeg = internals(decoder)
  if (!mpeg)
    return (bytes, sink) => {
      const out = decoder.decode(bytes)
      if (out.samplesDecoded > 0) sink(out.channelData, out.samplesDecoded)
    }
  const { wasm } = mpeg._common
  return (bytes, sink) => {
    for (let offset = 0; offset < bytes.length;) {
      const chunk = bytes.subarray(offset, offset + mpeg._input.len)
      offset += chunk.length
      mpeg._input.buf.set(chunk)
      if (wasm.mpeg_decoder_feed(mpeg._decoder, mpeg._input.ptr, chunk.length) === NEED_MORE)
        continue
      for (let failures = 0; failures < MAX_FAILED_READS;) {
        mpeg._samplesDecodedPtr.buf[0] = 0
        const status = wasm.mpeg_decoder_read(
          mpeg._decoder,
          mpeg._output.ptr,
          mpeg._output.len,
          mpeg._samplesDecodedPtr.ptr,
          mpeg._sampleRatePtr.ptr,
          mpeg._errorStringPtr.ptr,
        )
        const samples = mpeg._samplesDecodedPtr.buf[0]
        // The buffer holds the left channel's samples, then the right's.
        const out = mpeg._output.buf
        if (samples > 0)
          sink([out.subarray(0, samples), out.subarray(samples, samples * 2)], samples)
        if (status === NEED_MORE) break
        // Any other error is a broken frame: the library logs it and reads on, and so does this.
        failures = status !== 0 && status !== NEW_FORMAT && samples === 0 ? failures + 1 : 0
      }
    }
  }
}
