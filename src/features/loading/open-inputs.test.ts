import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { beforeEach, describe, expect, test } from 'vitest'
import { NO_CORRECTIONS, nudgeGlobal } from '../../domain/corrections'
import { buildAlignmentExport } from '../../domain/export/alignment'
import { placeCall } from '../../domain/place/place-call'
import { fixtureText, historyFixture } from '../../domain/test-fixtures'
import { useCallStore } from '../../store/call-store'
import { reviewActions, useReviewStore } from '../../store/review-store'
import { openInputs } from './open-inputs'

const demo = (name: string) =>
  readFileSync(join(import.meta.dirname, '../../../public/demo', name), 'utf8')
const fixture = (name: string) => ({ name, text: fixtureText(name) })

beforeEach(() => {
  useCallStore.setState({
    inputs: {},
    timeline: undefined,
    warnings: [],
    problems: [],
    pendingAlignment: undefined,
  })
  reviewActions.openCall(undefined)
})

describe('opening inputs one after another', () => {
  test('a history of another call drops the old call’s Egress info and word timings', async () => {
    await openInputs([
      fixture('session-report.json'),
      fixture('egress-info.json'),
      fixture('timed-strings.json'),
    ])
    expect(useCallStore.getState().timeline?.anchor.kind).toBe('egress')
    await openInputs([{ name: 'demo-report.json', text: demo('session-report.json') }])
    const { inputs, timeline } = useCallStore.getState()
    expect(inputs.egress).toBeUndefined()
    expect(inputs.timings).toBeUndefined()
    expect(timeline?.anchor).toMatchObject({ kind: 'agent_ogg', t0Unix: 1764000000.3125 })
  })

  test('another file of the same call keeps what was loaded, corrections included', async () => {
    await openInputs([fixture('session-report.json'), fixture('egress-info.json')])
    reviewActions.nudgeGlobal(0.25)
    await openInputs([fixture('history-with-timestamps.json')])
    expect(useCallStore.getState().inputs.egress).toBeDefined()
    expect(useCallStore.getState().inputs.history?.file).toBe('history-with-timestamps.json')
    expect(useReviewStore.getState().corrections.globalOffset).toBe(0.25)
    expect(useReviewStore.getState().past).toHaveLength(1)
  })

  test('files parsed after the reviewer opened others change nothing', async () => {
    await openInputs([fixture('session-report.json')])
    const before = useCallStore.getState().inputs
    await openInputs([fixture('history-with-timestamps.json')], undefined, () => false)
    expect(useCallStore.getState().inputs).toBe(before)
    expect(useCallStore.getState().inputs.history?.file).toBe('session-report.json')
  })

  test('placing the call on another recording says where the corrections went', async () => {
    await openInputs([fixture('session-report.json')])
    reviewActions.nudgeGlobal(0.25)
    await openInputs([fixture('egress-info.json')])
    expect(useReviewStore.getState().corrections.globalOffset).toBe(0)
    expect(useCallStore.getState().problems[0]?.message).toMatch(
      /corrections are kept per recording/,
    )
  })

  test('a bad file changes nothing and says why', async () => {
    await openInputs([fixture('session-report.json')])
    const before = useCallStore.getState().inputs
    await openInputs([{ name: 'bad.json', text: '{"items": 3}' }])
    expect(useCallStore.getState().inputs).toBe(before)
    expect(useCallStore.getState().problems[0]?.message).toBe('expected an array, got number 3')
  })

  test('an export opened before its call is applied when the call arrives', async () => {
    const timeline = placeCall({ history: historyFixture('session-report.json') })
    const exported = buildAlignmentExport(timeline, nudgeGlobal(NO_CORRECTIONS, 0.37), {
      file: 'audio.ogg',
    })
    await openInputs([{ name: 'review.turnline.json', text: JSON.stringify(exported) }])
    expect(useCallStore.getState().pendingAlignment).toBeDefined()
    expect(useCallStore.getState().problems[0]?.message).toMatch(/waits for its call/)
    expect(useReviewStore.getState().corrections.globalOffset).toBe(0)
    await openInputs([fixture('session-report.json')])
    expect(useReviewStore.getState().corrections.globalOffset).toBe(0.37)
    expect(useCallStore.getState().pendingAlignment).toBeUndefined()
  })

  test('an export of another call is refused and the corrections stay', async () => {
    await openInputs([fixture('session-report.json')])
    reviewActions.nudgeGlobal(0.05)
    const other = placeCall({ history: historyFixture('demo.json', demo('session-report.json')) })
    const exported = buildAlignmentExport(other, nudgeGlobal(NO_CORRECTIONS, 2), { file: 'x.ogg' })
    await openInputs([{ name: 'other.turnline.json', text: JSON.stringify(exported) }])
    expect(useReviewStore.getState().corrections.globalOffset).toBe(0.05)
    expect(useCallStore.getState().problems.at(-1)?.severity).toBe('error')
  })
})
