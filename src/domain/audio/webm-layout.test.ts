import { readFileSync } from 'node:fs'
import { expect, it } from 'vitest'
import type { WebmCues } from './webm-layout'
import { clusterSpan, readElement, webmCues, webmHead } from './webm-layout'

// ffmpeg's WebM of a 3 s stereo tone in Opus, a cluster a second, its cues at the end.
const tone = new Uint8Array(
  readFileSync(new URL('../../features/audio/__fixtures__/tone-3s.webm', import.meta.url)),
)

it('reads how long a WebM plays, its sound track and where its cues are from its first bytes', () => {
  expect(webmHead(tone.subarray(0, 4096))).toEqual({
    segmentStart: 48,
    timeUnit: 0.001,
    duration: 3.008,
    channels: 2,
    codec: 'A_OPUS',
    cuesAt: 14751,
  })
})

it('reads each cue’s time and cluster from the cues', () => {
  const head = webmHead(tone.subarray(0, 4096))!
  const cues = webmCues(tone.subarray(head.cuesAt), head)!
  expect([...cues.times]).toEqual([0, 0.981, 1.981, 2.981])
  // Each points at a cluster's header.
  expect([...cues.positions].map((at) => readElement(tone, at)?.id)).toEqual(
    Array(4).fill(0x1f43b675),
  )
})

it('has no head without a duration or cues, and no cues from other bytes', () => {
  expect(webmHead(new Uint8Array(4096))).toBeUndefined()
  // Cut before its tracks: no sound track known.
  expect(webmHead(tone.subarray(0, 200))).toBeUndefined()
  const head = webmHead(tone.subarray(0, 4096))!
  expect(webmCues(tone.subarray(0, 100), head)).toBeUndefined()
})

it('spans the clusters that hold a time range, and the one after them', () => {
  const cues: WebmCues = {
    times: Float64Array.from([0, 5, 10, 15]),
    positions: Float64Array.from([100, 200, 300, 400]),
  }
  // 6–9 s is in the cluster from 5 s; the demuxer reads on into the one from 10 s.
  expect(clusterSpan(cues, 6, 9, 1000)).toEqual({ start: 200, end: 400 })
  expect(clusterSpan(cues, -1, 5, 1000)).toEqual({ start: 100, end: 400 })
  expect(clusterSpan(cues, 12, Infinity, 1000)).toEqual({ start: 300, end: 1000 })
})
