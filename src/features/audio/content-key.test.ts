import { expect, it } from 'vitest'
import { contentKey, KeySlices, probeKey } from './content-key'

const SIZE = 2_500_000
const file = new Uint8Array(SIZE).map((_, i) => (i * 17 + (i >> 9)) % 251)

it('gives one probe whether its slices are read from a Blob, given as bytes, or copied as they go by', async () => {
  const blob = new Blob([file])
  const fromBlob = await probeKey(SIZE, (s) => blob.slice(s.start, s.end))
  const fromBytes = await probeKey(SIZE, (s) => file.subarray(s.start, s.end))
  const slices = new KeySlices(SIZE)
  for (let at = 0; at < SIZE; at += 700_000) slices.take(file.subarray(at, at + 700_000), at)
  const keys = await slices.keys()
  expect(fromBytes).toBe(fromBlob)
  expect(keys).toEqual({ key: await contentKey(blob), probe: fromBlob, size: SIZE })
})
