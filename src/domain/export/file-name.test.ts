import { expect, test } from 'vitest'
import { exportBaseName } from './file-name'

const T0 = Date.UTC(2026, 10, 23, 14, 5) / 1000

test('the room and the date of the call name the files', () => {
  expect(exportBaseName({ room: 'call-7f3a', jobId: 'AJ_x', t0Unix: T0 })).toBe(
    'call-7f3a-2026-11-23',
  )
})

test('the job id, then the recording, stand in for a missing room', () => {
  expect(exportBaseName({ jobId: 'AJ_Tn4Vq8', t0Unix: T0 })).toBe('AJ_Tn4Vq8-2026-11-23')
  expect(exportBaseName({ recordingName: 'my call.ogg', t0Unix: T0 })).toBe('my-call-2026-11-23')
  expect(exportBaseName({})).toBe('call')
})

test('unsafe characters and bad dates never reach the file name', () => {
  expect(exportBaseName({ room: '../a/b:c?', t0Unix: Number.NaN })).toBe('a-b-c')
  expect(exportBaseName({ room: '  ', jobId: 'job/1', t0Unix: -5 })).toBe('job-1')
})
