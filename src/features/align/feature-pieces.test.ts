import { describe, expect, test } from 'vitest'
import type { AlignmentFeatures } from '../../domain/audio/features'
import { MFCC_COUNT } from '../../domain/audio/features'
import type { FeatureMessage } from './feature-pieces'
import { ReceivedFeatures, postFeatures } from './feature-pieces'

function features(frames: number, channels: number): AlignmentFeatures {
  const filled = (length: number, seed: number) =>
    Float32Array.from({ length }, (_, i) => Math.sin(i * 0.37 + seed))
  return {
    frames,
    channels: Array.from({ length: channels }, (_, c) => ({
      energy: filled(frames, c),
      highEnergy: filled(frames, c + 10),
      flux: filled(frames, c + 20),
      mfcc: filled(frames * MFCC_COUNT, c + 30),
    })),
  }
}

/** A worker that hands what it is sent to the features it receives, as the align worker does. */
function assemblingWorker() {
  const inbox = new ReceivedFeatures()
  const sent: FeatureMessage[] = []
  const worker = {
    postMessage(message: FeatureMessage) {
      sent.push(message)
      inbox.receive(message)
    },
  } as unknown as Worker
  return { worker, inbox, sent }
}

describe('postFeatures', () => {
  test('an hour-sized channel arrives whole, in pieces that each stay small', async () => {
    // 100,000 frames: the MFCCs (1.3 M values) need two pieces.
    const original = features(100_000, 2)
    const { worker, inbox, sent } = assemblingWorker()
    expect(await postFeatures(worker, original, () => true)).toBe(true)
    const received = inbox.take()
    expect(received.frames).toBe(original.frames)
    original.channels.forEach((channel, c) => {
      for (const field of ['energy', 'highEnergy', 'flux', 'mfcc'] as const) {
        const got = received.channels[c]?.[field]
        expect(got?.length).toBe(channel[field].length)
        expect(got?.every((v, i) => v === channel[field][i])).toBe(true)
      }
    })
    const pieces = sent.filter((m) => m.kind === 'piece')
    expect(pieces.length).toBe(2 * 5)
    for (const piece of pieces) expect(piece.values.length).toBeLessThanOrEqual(1 << 20)
  })

  test('stops sending once the run is no longer wanted', async () => {
    const { worker, sent } = assemblingWorker()
    let wanted = true
    const posting = postFeatures(worker, features(1000, 2), () => wanted)
    wanted = false
    expect(await posting).toBe(false)
    expect(sent.filter((m) => m.kind === 'piece')).toHaveLength(0)
  })

  test('a piece before the features it belongs to is an error, not a silent gap', () => {
    const inbox = new ReceivedFeatures()
    expect(() =>
      inbox.receive({
        kind: 'piece',
        channel: 0,
        field: 'energy',
        at: 0,
        values: new Float32Array(1),
      }),
    ).toThrow(/came first/)
  })
})
