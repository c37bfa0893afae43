import { expect, test } from 'vitest'
import { applyCorrections, nudgeItem, NO_CORRECTIONS } from '../corrections'
import { placeCall } from '../place/place-call'
import { historyFixture } from '../test-fixtures'
import type { Finding } from './findings'
import { findingsFromExport, mergeFindings, toExportFindings } from './findings'
import { findingsToCsv } from './findings-csv'

const timeline = placeCall({ history: historyFixture('session-report.json') })
const byId = (items = timeline.items) => new Map(items.map((i) => [i.id, i]))
const first = timeline.items.find((i) => i.lane === 'agent')
if (!first || first.end === null) throw new Error('fixture has no agent message')

const onMessage: Finding = {
  id: 'f1',
  tag: 'slow reply',
  note: 'waited, "long"',
  itemId: first.id,
  start: first.start,
  end: first.end,
  createdAt: '2026-12-03T08:00:00.000Z',
}
const onRange: Finding = {
  id: 'f2',
  tag: 'other',
  note: '=HYPERLINK("x")',
  start: 0.5,
  end: 0.75,
  createdAt: '2026-12-03T08:01:00.000Z',
}

test('a finding on a message follows the message when it is corrected', () => {
  const corrected = applyCorrections(timeline, nudgeItem(NO_CORRECTIONS, first.id, 0.25))
  const [exported] = toExportFindings([onMessage], byId(corrected.items))
  expect(exported?.start_s).toBeCloseTo(first.start + 0.25, 6)
  expect(exported?.item_id).toBe(first.id)
})

test('export and re-import give back the same findings', () => {
  const exported = toExportFindings([onMessage, onRange], byId())
  expect(exported.map((f) => f.id)).toEqual(['f2', 'f1'])
  const back = findingsFromExport(
    JSON.parse(JSON.stringify(exported)),
    new Set(byId().keys()),
    'x.json',
  )
  expect(back.problems).toEqual([])
  expect(back.findings).toEqual([
    onRange,
    {
      ...onMessage,
      start: expect.closeTo(first.start, 5) as number,
      end: expect.closeTo(first.end ?? 0, 5) as number,
    },
  ])
})

test('bad entries are named by path and skipped; unknown messages keep their range', () => {
  const raw = [
    { id: 'a', tag: 'other', note: '', start_s: 'soon', end_s: 1, created_at: '' },
    {
      id: 'b',
      tag: 'misheard',
      note: 'n',
      item_id: 'item_gone',
      start_s: 2,
      end_s: 1,
      created_at: '',
    },
  ]
  const { findings, problems } = findingsFromExport(raw, new Set(), 'review.json')
  expect(problems.map((p) => `${p.path}: ${p.message}`)).toEqual([
    'findings[0].start_s: expected a number, got string "soon"',
    'findings[1].item_id: "item_gone" is not in the loaded history; kept as a time range',
  ])
  expect(findings).toEqual([
    { id: 'b', tag: 'misheard', note: 'n', start: 1, end: 2, createdAt: '' },
  ])
  expect(findingsFromExport({}, new Set(), 'r.json').problems[0]?.path).toBe('findings')
  expect(findingsFromExport(undefined, new Set(), 'r.json')).toEqual({ findings: [], problems: [] })
})

test('an import replaces findings with the same id and keeps the others', () => {
  const edited = { ...onRange, note: 'edited' }
  expect(mergeFindings([onMessage, onRange], [edited])).toEqual([onMessage, edited])
})

test('the findings CSV quotes, names what was said, and defuses formulas', () => {
  const lines = findingsToCsv([onMessage, onRange], byId()).trimEnd().split('\r\n')
  expect(lines[0]).toBe('id,tag,start_s,end_s,item_id,role,said,note,created_at')
  expect(lines[1]).toBe(`f2,other,0.5,0.75,,,,"'=HYPERLINK(""x"")",2026-12-03T08:01:00.000Z`)
  expect(lines[2]).toContain(`f1,slow reply,`)
  expect(lines[2]).toContain(`,${first.id},assistant,"${first.text}","waited, ""long""",`)
})
