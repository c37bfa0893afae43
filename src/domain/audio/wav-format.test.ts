import { describe, expect, it } from 'vitest'
import { ascii, wavBytes } from './wav-bytes.fixture'
import { deinterleave, readWavFormat, wavByteRange, wavDuration } from './wav-format'

function int16(values: number[]): Uint8Array {
  const view = new DataView(new ArrayBuffer(values.length * 2))
  values.forEach((v, i) => view.setInt16(i * 2, v, true))
  return new Uint8Array(view.buffer)
}

describe('readWavFormat', () => {
  it('reads 16-bit stereo PCM and where its samples are', () => {
    const file = wavBytes({ channels: 2, rate: 16000, bits: 16, data: int16([1, 2, 3, 4]) })
    const format = readWavFormat(file, file.length)
    expect(format).toEqual({
      encoding: 'int',
      bitsPerSample: 16,
      channels: 2,
      sampleRate: 16000,
      blockAlign: 4,
      dataOffset: 44,
      dataBytes: 8,
    })
    expect(wavDuration(format!)).toBe(2 / 16000)
  })

  it('skips chunks before the samples, odd-sized ones padded', () => {
    const list = { id: 'LIST', body: new Uint8Array(7) }
    const file = wavBytes({ channels: 1, rate: 8000, bits: 16, data: int16([5]), before: [list] })
    expect(readWavFormat(file, file.length)?.dataOffset).toBe(44 + 8 + 8)
  })

  it('reads WAVE_FORMAT_EXTENSIBLE float samples', () => {
    const file = wavBytes({
      channels: 2,
      rate: 48000,
      bits: 32,
      data: new Uint8Array(16),
      extensibleCode: 3,
    })
    expect(readWavFormat(file, file.length)).toMatchObject({ encoding: 'float', bitsPerSample: 32 })
  })

  it('takes the rest of the file when a live writer left the data size open', () => {
    const pcm = (channels: number, dataSize: number) =>
      wavBytes({ channels, rate: 8000, bits: 16, data: int16([1, 2, 3]), dataSize })
    const open = pcm(1, 0xffffffff)
    expect(readWavFormat(open, open.length)?.dataBytes).toBe(6)
    // A size past the file's end (a download cut short) is clipped to whole frames in it.
    const cut = pcm(2, 400)
    expect(readWavFormat(cut, cut.length)?.dataBytes).toBe(4)
  })

  it('refuses what it cannot read: compressed WAV, other files, a header cut short', () => {
    const adpcm = wavBytes({ code: 2, channels: 1, rate: 8000, bits: 4, data: new Uint8Array(4) })
    expect(readWavFormat(adpcm, adpcm.length)).toBeUndefined()
    expect(readWavFormat(Uint8Array.from(ascii('OggS....')), 8)).toBeUndefined()
    const file = wavBytes({ channels: 1, rate: 8000, bits: 16, data: int16([1]) })
    expect(readWavFormat(file.subarray(0, 30), file.length)).toBeUndefined()
  })
})

describe('deinterleave', () => {
  it('gives each channel its samples in [-1, 1) for every sample width', () => {
    const cases = [
      {
        bits: 8,
        data: Uint8Array.from([0, 128, 255, 192]),
        want: [
          [-1, 127 / 128],
          [0, 0.5],
        ],
      },
      {
        bits: 16,
        data: int16([-32768, 16384, 32767, -1]),
        want: [
          [-1, 32767 / 32768],
          [0.5, -1 / 32768],
        ],
      },
      {
        bits: 24,
        data: Uint8Array.from([0, 0, 0x80, 0xff, 0xff, 0x7f, 0, 0, 0x40, 0xff, 0xff, 0xff]),
        want: [
          [-1, 0.5],
          [8388607 / 8388608, -1 / 8388608],
        ],
      },
    ]
    for (const { bits, data, want } of cases) {
      const file = wavBytes({ channels: 2, rate: 8000, bits, data })
      const format = readWavFormat(file, file.length)!
      const planes = [new Float32Array(2), new Float32Array(2)]
      expect(deinterleave(format, file.subarray(format.dataOffset), planes)).toBe(2)
      planes.forEach((plane, c) => want[c]!.forEach((v, i) => expect(plane[i]).toBeCloseTo(v, 6)))
    }
  })
})

describe('wavByteRange', () => {
  it('cuts on whole frames from the times, clipped to the samples', () => {
    const file = wavBytes({ channels: 2, rate: 10, bits: 16, data: new Uint8Array(4 * 25) })
    const format = readWavFormat(file, file.length)!
    expect(wavByteRange(format, 1, 2)).toEqual({ firstFrame: 10, start: 44 + 40, end: 44 + 80 })
    expect(wavByteRange(format, 2, Infinity)).toEqual({ firstFrame: 20, start: 44 + 80, end: 144 })
  })
})
