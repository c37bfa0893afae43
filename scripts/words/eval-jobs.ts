// Dev-only: the word-start error of the class method (the same figures as bench:align's "classes"
// column) over the jobs dump-jobs.ts wrote, in seconds instead of minutes, per variant; with
// EVAL_BREAKDOWN=1, the agent's error by first class, pause before, position, turn length, the
// energy method's error and interrupted replies. EVAL_SET: the dumped calls' name prefix (s10 the
// seeds 1000–1019, s20 2000–2019, long the long calls), EVAL_VARIANT: one variant.
//
//   npx tsx scripts/words/dump-jobs.ts && BENCH_SEED=2000 npx tsx scripts/words/dump-jobs.ts
//   EVAL_SET=s10 npx tsx scripts/words/eval-jobs.ts
import { readdirSync, readFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { audioWordStarts, wordPauseLevel } from '../../src/domain/words/audio-words'
import { spectralShape } from '../../src/domain/words/class-costs'
import type { ChannelBands } from '../../src/domain/words/class-words'
import { classWordStarts } from '../../src/domain/words/class-words'
import { broadClasses } from '../../src/domain/words/broad-classes'

const DIR = process.env.DUMP_DIR ?? join(tmpdir(), 'turnline-word-jobs')
const SET = process.env.EVAL_SET ?? 's10'
const BREAK = !!process.env.EVAL_BREAKDOWN
const ONLY = process.env.EVAL_VARIANT

interface Job {
  job: {
    id: string
    words: string[]
    start: number
    end: number
    channel: number
    lane: 'agent' | 'user'
    interrupted?: boolean
  }
  truth: (number | null)[]
}

function f32(file: string) {
  const b = readFileSync(file)
  return new Float32Array(b.buffer.slice(b.byteOffset, b.byteOffset + b.byteLength))
}

const files = readdirSync(DIR)
  .filter((f) => f.startsWith(SET) && f.endsWith('.json'))
  .sort()
const byVariant = new Map<
  string,
  { agent: number[]; user: number[]; agentE: number[]; userE: number[] }
>()
const cats = new Map<string, number[]>()
const add = (k: string, v: number) => {
  const a = cats.get(k) ?? []
  a.push(v)
  cats.set(k, a)
}
let ms = 0
let seconds = 0
for (const file of files) {
  const [call, variant] = file.replace('.json', '').split('.') as [string, string]
  const base = join(DIR, file.replace('.json', ''))
  const data = JSON.parse(readFileSync(join(DIR, file), 'utf8')) as {
    channels: number
    jobs: Job[]
  }
  const channels: ChannelBands[] = Array.from({ length: data.channels }, (_, k) => {
    const energy = f32(`${base}.c${k}.energy.f32`)
    return {
      energy,
      highEnergy: f32(`${base}.c${k}.high.f32`),
      shape: spectralShape(f32(`${base}.c${k}.mfcc.f32`)),
      speechLevelDb: wordPauseLevel(energy),
    }
  })
  if (ONLY && !variant.includes(ONLY)) continue
  const key = call.startsWith('long') ? `${call} ${variant}` : variant
  const row = byVariant.get(key) ?? { agent: [], user: [], agentE: [], userE: [] }
  byVariant.set(key, row)
  for (const { job, truth } of data.jobs) {
    const message = {
      id: job.id,
      words: job.words,
      start: job.start,
      end: job.end,
      channel: job.channel,
    }
    const t = performance.now()
    const classes = classWordStarts(message, channels)
    ms += performance.now() - t
    seconds += job.end - job.start
    const energyStarts = BREAK ? audioWordStarts(message, channels) : []
    truth.forEach((at, w) => {
      if (at === null || at === undefined) return
      const err = (classes[w] ?? job.end) - at
      row[job.lane].push(err)
      if (BREAK)
        row[job.lane === 'agent' ? 'agentE' : 'userE'].push((energyStarts[w] ?? job.end) - at)
      if (BREAK && job.lane === 'agent') add(`V ${key} ${w === 0 ? 'w0' : 'rest'}`, err)
      if (BREAK && job.lane === 'agent') add(`V ${key} interrupted ${!!job.interrupted}`, err)
      if (BREAK && job.lane === 'agent' && Math.abs((energyStarts[w] ?? job.end) - at) > 0.25)
        add(`V ${key} fb>250 interrupted ${!!job.interrupted}`, err)
      if (BREAK && job.lane === 'agent')
        add(`V ${key} energy>250 ${Math.abs((energyStarts[w] ?? job.end) - at) > 0.25}`, err)
      if (!BREAK || job.lane !== 'agent' || w === 0 || w >= job.words.length) return
      const ch = channels[job.channel]!
      const tf = Math.round(at / 0.01)
      let quiet = 0
      for (let f = tf - 12; f < tf; f++) if ((ch.energy[f] ?? -90) < ch.speechLevelDb) quiet++
      const cls = broadClasses(job.words[w]!)[0]
      const prevCls = broadClasses(job.words[w - 1]!).at(-1)
      const pos = w === 1 ? 'w1' : w < 5 ? 'w2-4' : w < 12 ? 'w5-11' : 'w12+'
      const ctx = quiet >= 5 ? 'afterPause' : 'inStretch'
      const a = Math.abs(err)
      add(`first:${cls}`, a)
      const lw = job.words[w]!.toLowerCase().replace(/[^a-z]/g, '')
      const onset = /^(th|sh|ch|wh|ph)/.test(lw) ? lw.slice(0, 2) : lw.slice(0, 1)
      add(`L ${ctx} ${cls} ${onset}`, err)
      add(`pos:${pos}`, a)
      add(`ctx:${ctx}`, a)
      add(`ctx:${ctx} first:${cls}`, a)
      add(`prev>first:${prevCls}>${cls}`, a)
      add(`len:${job.end - job.start < 4 ? '<4s' : job.end - job.start < 10 ? '4-10s' : '10s+'}`, a)
      add(`signed:${ctx}`, err)
      add(`signed:${ctx} first:${cls}`, err)
      add(`signed:pos:${pos}`, err)
      const fe = Math.abs((energyStarts[w] ?? job.end) - at)
      add(`energyErr:${fe < 0.1 ? '<100' : fe < 0.25 ? '100-250' : '>250'}`, a)
    })
  }
}
const mean = (a: number[]) =>
  ((1000 * a.reduce((s, x) => s + Math.abs(x), 0)) / Math.max(1, a.length)).toFixed(1)
const smean = (a: number[]) =>
  Math.round((1000 * a.reduce((s, x) => s + x, 0)) / Math.max(1, a.length))
let all: number[] = []
for (const [k, r] of byVariant) {
  all = all.concat(r.agent)
  console.log(
    `${k.padEnd(30)} agent ${mean(r.agent)} (n ${r.agent.length})  user ${mean(r.user)}` +
      (BREAK ? `  energy agent ${mean(r.agentE)} user ${mean(r.userE)}` : ''),
  )
}
console.log(`pooled agent ${mean(all)}  ms/10s ${((ms / seconds) * 10).toFixed(2)}`)
if (BREAK)
  for (const [k, v] of [...cats].sort())
    console.log(
      `${k.padEnd(36)} n ${String(v.length).padStart(5)} mean ${k.startsWith('signed') || k.startsWith('V ') || k.startsWith('L ') ? smean(v) : mean(v)} abs ${mean(v)}`,
    )
