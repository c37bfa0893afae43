import { describe, expect, it } from 'vitest'
import { startsLikeRecording } from './recording-sniff'

/** The first 12 bytes of files ffmpeg wrote from the demo call (and of two JSON files). */
const head = (hex: string) => Uint8Array.from(hex.match(/../g) ?? [], (byte) => parseInt(byte, 16))

describe('startsLikeRecording', () => {
  it.each([
    ['Ogg Opus', '4f6767530002000000000000'],
    ['WAV', '524946463ef5260157415645'],
    ['AIFF', '464f524d0002ee2e41494646'],
    ['FLAC', '664c61430000002212001200'],
    ['WebM', '1a45dfa39f4286810142f781'],
    ['Matroska', '1a45dfa3a34286810142f781'],
    ['MP4 with Opus', '0000001c6674797069736f6d'],
    ['M4A', '0000001c667479704d344120'],
    ['MP3 with an ID3 tag', '494433040000000000235453'],
    ['MP3 from its first frame', 'fffb9444'],
    ['ADTS AAC', 'fff14c800f9ffcde02004c61'],
  ])('knows %s', (_, hex) => {
    expect(startsLikeRecording(head(hex))).toBe(true)
  })

  it.each([
    ['a history', '7b0a2020226974656d73223a'],
    ['word timings', '7b0a202022736368656d6122'],
    ['JSON with a byte order mark', 'efbbbf7b2274797065223a22'],
    ['NDJSON', '7b226964223a2231227d0a7b'],
    ['a file shorter than a tag', '4f6767'],
    ['nothing', ''],
  ])('takes %s for something else', (_, hex) => {
    expect(startsLikeRecording(head(hex))).toBe(false)
  })
})
