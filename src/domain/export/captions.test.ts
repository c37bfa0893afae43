import { expect, test } from 'vitest'
import { placeCall } from '../place/place-call'
import { historyFixture } from '../test-fixtures'
import { formatTimestamp, toSrt, toWebVtt } from './captions'
import { toCsv } from './csv'

const timeline = placeCall({ history: historyFixture('session-report.json') })

test('timestamps use the separator of each format and clamp below zero', () => {
  expect(formatTimestamp(3723.4567, '.')).toBe('01:02:03.457')
  expect(formatTimestamp(0.9757, ',')).toBe('00:00:00,976')
  expect(formatTimestamp(-1, '.')).toBe('00:00:00.000')
})

test('WebVTT has one voice-tagged cue per spoken message', () => {
  const vtt = toWebVtt(timeline)
  expect(
    vtt.startsWith(
      'WEBVTT\n\nitem_b7e41c09a2f6\n00:00:00.976 --> 00:00:06.054\n<v Agent>Hi, thanks',
    ),
  ).toBe(true)
  expect(vtt.match(/-->/g)).toHaveLength(12)
  expect(vtt).toContain('<v User>Yeah, hi.')
})

test('SRT numbers its cues and names the speaker', () => {
  const srt = toSrt(timeline)
  expect(srt.split('\n').slice(0, 3)).toEqual([
    '1',
    '00:00:00,976 --> 00:00:06,054',
    'Agent: Hi, thanks for calling Acme Internet support. This is Ava. How can I help you today?',
  ])
  expect(srt).toContain('\n12\n')
})

test('CSV has a header and one quoted-when-needed row per item', () => {
  const csv = toCsv(timeline, { globalOffset: 0, nudges: new Map([['item_b7e41c09a2f6', 0.25]]) })
  const lines = csv.trimEnd().split('\r\n')
  expect(lines[0]).toBe(
    'id,type,role,start_s,end_s,nudge_s,basis,latency_s,heard_latency_s,interrupted,text',
  )
  expect(lines).toHaveLength(timeline.items.length + 1)
  expect(lines).toContain(
    'item_b7e41c09a2f6,message,assistant,0.975712,6.054331,0.25,metrics,,,false,"Hi, thanks for calling Acme Internet support. This is Ava. How can I help you today?"',
  )
  expect(csv).toContain('"check_outage({""zip_code"": ""94110""})"')
})
