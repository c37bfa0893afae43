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

it('reads a download’s pieces in hand, overlapping or not, and stops where they leave a gap', async () => {
  const piece = (start: number, end: number) => ({ blob: blob.slice(start, end), at: start })
  // Its first bytes, the first part (which holds them too), a box read near the end, a later part.
  const reader = new RecordingReader({
    size: 1000,
    pieces: [piece(0, 40), piece(0, 100), piece(900, 1000), piece(100, 300)],
  })
  expect(reader.size).toBe(1000)
  expect([...(await reader.read(20, 250))]).toEqual(await expected(20, 250))
  expect([...(await reader.read(950, 1200))]).toEqual(await expected(950, 1000))
  // Bytes 300–900 are not in hand: a read gets what is, from its start on.
  expect([...(await reader.read(250, 400))]).toEqual(await expected(250, 300))
  expect(await reader.read(500, 600)).toHaveLength(0)
  reader.update({ size: 1000, pieces: [piece(0, 1000)] })
  expect([...(await reader.read(500, 600))]).toEqual(await expected(500, 600))
})
