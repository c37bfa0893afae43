import { readFileSync } from 'node:fs'
import { expect, test } from 'vitest'
import { decodeOggOpus, EmptyRecordingError, sniffOggOpus } from './decode-ogg'

const filling = { start: () => {}, update: () => {}, opening: () => {} }

test.each(['header-only.ogg', 'header-only-eos.ogg'])(
  '%s is an Opus file with nothing to decode: an empty recording, said in plain words',
  async (name) => {
    const file = new Blob([readFileSync(new URL(`../../../e2e/corpus/${name}`, import.meta.url))])
    expect(await sniffOggOpus(file)).toBe(true)
    const decoding = decodeOggOpus({ blob: file }, new AbortController().signal, filling)
    await expect(decoding).rejects.toBeInstanceOf(EmptyRecordingError)
    await expect(decoding).rejects.toThrow(
      'the recording is empty: it has Ogg Opus headers but no audio, so there is nothing to play',
    )
  },
)
