import { expect, it } from 'vitest'
import { ReceivedBytes } from '../loading/received-bytes'
import { passingWav } from './decode-wav'

it('copies a passing file’s ranges in order into buffers the workers give back', async () => {
  const size = 3000
  const file = new Uint8Array(size).map((_, i) => i % 253)
  file.set(new TextEncoder().encode('RIFF'), 0)
  file.set(new TextEncoder().encode('WAVE'), 8)
  const received = new ReceivedBytes('big.wav', 100, 1000)
  received.begin(size)
  for (let at = 0; at < size; at += 500) {
    received.push(file.slice(at, at + 500))
    received.fold(file.slice(at, at + 500))
  }
  received.passThrough()
  const source = passingWav(received)
  const first = await source.bytes(100, 700)
  if (!first || !('copy' in first)) throw new Error('no copy')
  expect([...new Uint8Array(first.copy, 0, 600)]).toEqual([...file.subarray(100, 700)])
  source.spent?.(first.copy)
  // The buffer given back takes the next range; one too small is not used.
  const second = await source.bytes(700, 1200)
  expect(second && 'copy' in second && second.copy).toBe(first.copy)
  expect([...new Uint8Array(first.copy, 0, 500)]).toEqual([...file.subarray(700, 1200)])
  source.spent?.(first.copy)
  const third = await source.bytes(1200, 2900)
  if (!third || !('copy' in third)) throw new Error('no copy')
  expect(third.copy).not.toBe(first.copy)
  expect([...new Uint8Array(third.copy)]).toEqual([...file.subarray(1200, 2900)])
  expect(source.inOrder).toBe(true)
  // Bytes before the last range read were let go.
  await expect(source.bytes(0, 100)).rejects.toThrow('let go')
})
