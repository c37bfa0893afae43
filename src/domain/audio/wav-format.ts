/**
 * A WAV file's sample format and where its samples lie, from its first bytes: a range of a WAV
 * recording is a byte range computed from its times, so the file can be decoded while it is
 * still downloading, and by workers in any order.
 */
export interface WavFormat {
  encoding: 'int' | 'float'
  bitsPerSample: 8 | 16 | 24 | 32
  channels: number
  sampleRate: number
  /** Bytes of one frame (a sample of every channel). */
  blockAlign: number
  /** Where the samples start in the file. */
  dataOffset: number
  /** How many bytes of samples the file has (a size left open by a live writer is the file's rest). */
  dataBytes: number
}

const PCM = 1
const IEEE_FLOAT = 3
const EXTENSIBLE = 0xfffe
/** A size a writer that could not seek back left in place. */
const OPEN_SIZES = new Set([0, 0xffffffff])

/**
 * The format of the RIFF/WAVE file whose first bytes are `head` (`fileSize` long in all), or
 * undefined when it is not one this reads: PCM or float samples, up to 32 bits.
 */
export function readWavFormat(head: Uint8Array, fileSize: number): WavFormat | undefined {
  const view = new DataView(head.buffer, head.byteOffset, head.byteLength)
  if (head.byteLength < 12 || tag(view, 0) !== 'RIFF' || tag(view, 8) !== 'WAVE') return undefined
  let fmt: Omit<WavFormat, 'dataOffset' | 'dataBytes'> | undefined
  for (let at = 12; at + 8 <= head.byteLength;) {
    const id = tag(view, at)
    const size = view.getUint32(at + 4, true)
    const body = at + 8
    if (id === 'fmt ' && body + 16 <= head.byteLength) fmt = readFmt(view, body, size)
    if (id === 'data') {
      if (!fmt) return undefined
      const rest = fileSize - body
      const dataBytes = OPEN_SIZES.has(size) ? rest : Math.min(size, rest)
      return { ...fmt, dataOffset: body, dataBytes: dataBytes - (dataBytes % fmt.blockAlign) }
    }
    // Chunks are padded to an even length.
    at = body + size + (size & 1)
  }
  return undefined
}

function readFmt(view: DataView, at: number, size: number) {
  let code = view.getUint16(at, true)
  const channels = view.getUint16(at + 2, true)
  const sampleRate = view.getUint32(at + 4, true)
  const blockAlign = view.getUint16(at + 12, true)
  const bits = view.getUint16(at + 14, true)
  // WAVE_FORMAT_EXTENSIBLE names the real format in the first two bytes of its sub-format GUID.
  if (code === EXTENSIBLE && size >= 40 && at + 26 <= view.byteLength)
    code = view.getUint16(at + 24, true)
  const encoding = code === PCM ? 'int' : code === IEEE_FLOAT ? 'float' : undefined
  const bitsPerSample = bits === 8 || bits === 16 || bits === 24 || bits === 32 ? bits : undefined
  if (!encoding || !bitsPerSample || channels < 1 || sampleRate < 1) return undefined
  if (encoding === 'float' && bitsPerSample !== 32) return undefined
  if (blockAlign !== channels * (bitsPerSample / 8)) return undefined
  return { encoding, bitsPerSample, channels, sampleRate, blockAlign } as const
}

function tag(view: DataView, at: number): string {
  return String.fromCharCode(
    view.getUint8(at),
    view.getUint8(at + 1),
    view.getUint8(at + 2),
    view.getUint8(at + 3),
  )
}

export function wavDuration(format: WavFormat): number {
  return format.dataBytes / format.blockAlign / format.sampleRate
}

/** The bytes of whole frames from `fromS` up to `toS` (clipped to the data). */
export function wavByteRange(format: WavFormat, fromS: number, toS: number) {
  const frames = format.dataBytes / format.blockAlign
  const frameAt = (s: number) => Math.min(frames, Math.max(0, Math.round(s * format.sampleRate)))
  return {
    firstFrame: frameAt(fromS),
    start: format.dataOffset + frameAt(fromS) * format.blockAlign,
    end: format.dataOffset + frameAt(toS) * format.blockAlign,
  }
}

/**
 * Frames of `bytes` (whole frames, interleaved) as one plane per channel in [-1, 1), written
 * into `planes` (at least as long as the frames).
 */
export function deinterleave(format: WavFormat, bytes: Uint8Array, planes: Float32Array[]): number {
  const { channels, blockAlign } = format
  const frames = Math.floor(bytes.byteLength / blockAlign)
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength)
  const read = sampleReader(format, view)
  for (let c = 0; c < channels; c++) {
    const plane = planes[c]!
    const width = format.bitsPerSample / 8
    for (let f = 0, at = c * width; f < frames; f++, at += blockAlign) plane[f] = read(at)
  }
  return frames
}

function sampleReader(format: WavFormat, view: DataView): (at: number) => number {
  if (format.encoding === 'float') return (at) => view.getFloat32(at, true)
  switch (format.bitsPerSample) {
    case 8:
      // 8-bit WAV is unsigned, centred on 128.
      return (at) => (view.getUint8(at) - 128) / 128
    case 16:
      return (at) => view.getInt16(at, true) / 32768
    case 24:
      return (at) =>
        (view.getUint8(at) | (view.getUint8(at + 1) << 8) | (view.getInt8(at + 2) << 16)) / 8388608
    case 32:
      return (at) => view.getInt32(at, true) / 2147483648
  }
}
