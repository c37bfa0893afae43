import { expect, test } from 'vitest'
import { applyCorrections, nudgeItem, NO_CORRECTIONS } from '../corrections'
import { buildAlignmentExport } from '../export/alignment'
import { toCsv } from '../export/csv'
import { placeCall } from '../place/place-call'
import { historyFixture } from '../test-fixtures'
import { heardLatencies } from './heard-latency'

const timeline = placeCall({ history: historyFixture('session-report.json') })
const [replyId, reply] = [...heardLatencies(timeline.items)][0] ?? []
if (!replyId || !reply) throw new Error('fixture has no reply to a user turn')

function csvCell(csv: string, id: string, column: string): string | undefined {
  const [header, ...rows] = csv.trimEnd().split('\r\n')
  const index = header?.split(',').indexOf(column) ?? -1
  return rows.find((r) => r.startsWith(`${id},`))?.split(',')[index]
}

test('the CSV and JSON exports carry the heard latency after corrections', () => {
  const corrections = nudgeItem(NO_CORRECTIONS, replyId, 0.3)
  const corrected = applyCorrections(timeline, corrections)
  const expected = Math.round((reply.seconds + 0.3) * 1e6) / 1e6
  expect(Number(csvCell(toCsv(corrected, corrections), replyId, 'heard_latency_s'))).toBeCloseTo(
    expected,
    6,
  )
  expect(Number(csvCell(toCsv(timeline, NO_CORRECTIONS), replyId, 'heard_latency_s'))).toBeCloseTo(
    reply.seconds,
    6,
  )
  const json = buildAlignmentExport(corrected, corrections, { file: 'audio.ogg' })
  expect(json.items.find((i) => i.id === replyId)?.heard_latency_s).toBeCloseTo(expected, 6)
  expect(json.items.find((i) => i.id === reply.userId)?.heard_latency_s).toBeUndefined()
})
