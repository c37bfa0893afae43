import { expect, it } from 'vitest'
import { coveringParts, RecordingReader } from './recording-file'
import { inParts, readBytesAt } from './recording-file.fixture'

const blob = new Blob([Uint8Array.from({ length: 1000 }, (_, i) => i % 251)])
const expected = async (start: number, end: number) => [
  ...new Uint8Array(await blob.slice(start, end).arrayBuffer()),
]

it('reads the same bytes from a download’s parts as from the file, across part edges', async () => {
  const reader = new RecordingReader(inParts(blob, 64))
  for (const [start, end] of [
    [0, 10],
    [60, 70],
    [100, 900],
    [63, 64],
    [990, 1200],
  ] as const)
    expect([...(await reader.read(start, end))]).toEqual(await expected(start, end))
  expect(reader.size).toBe(1000)
})

it('finds a range in the whole parts that hold it, up to what is in', async () => {
  const parts = inParts(blob, 100).parts.slice(0, 3)
  const at = coveringParts(parts, 150, 260)!
  expect(at.pieces.map((p) => [p.at, p.blob.size])).toEqual([
    [100, 100],
    [200, 100],
  ])
  expect(await readBytesAt(at)).toEqual(await expected(150, 260))
  expect(coveringParts(parts, 250, 301)).toBeUndefined()
})
