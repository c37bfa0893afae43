// Dev-only: runs bench:align's alignment once per call and variant and writes each call's word
// jobs (the spans the alignment gave the messages, as the app times them), the channel features
// and the truth, so that eval-jobs.ts can measure a change to the word method in seconds.
// BENCH_SEED, BENCH_CALLS as bench:align; BENCH_LONG=1 the long calls instead.
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs'
import { createRequire } from 'node:module'
import { join } from 'node:path'
import { tmpdir } from 'node:os'
import { loadSilero } from '../../src/features/align/silero'
import { generateCall } from '../align-calls/generate'
import { requireTools } from '../align-calls/speech'
import { VARIANTS } from '../align-calls/variants'
import { runCall } from '../bench-align'

const OUT = process.env.DUMP_DIR ?? join(tmpdir(), 'turnline-word-jobs')
const CACHE = join(tmpdir(), 'turnline-align-speech')
const SILERO_MODEL = createRequire(import.meta.url).resolve(
  '@ricky0123/vad-web/dist/silero_vad_v5.onnx',
)

async function main() {
  requireTools()
  mkdirSync(OUT, { recursive: true })
  const model = await loadSilero(readFileSync(SILERO_MODEL))
  const first = Number(process.env.BENCH_SEED ?? 1000)
  const count = Number(process.env.BENCH_CALLS ?? 20)
  const specs: {
    name: string
    seed: number
    turns: number
    hold: boolean
    variants: readonly string[]
  }[] = []
  if (process.env.BENCH_LONG) {
    specs.push({
      name: 'long7777',
      seed: 7777,
      turns: 260,
      hold: true,
      variants: ['created_at_mono', 'report_stereo'],
    })
    specs.push({
      name: 'long8888',
      seed: 8888,
      turns: 520,
      hold: true,
      variants: ['created_at_mono'],
    })
  } else {
    for (let i = 0; i < count; i++)
      specs.push({
        name: `s${first + i}`,
        seed: first + i,
        turns: 14 + (i % 3) * 6,
        hold: i % 2 === 0,
        variants: VARIANTS,
      })
  }
  for (const spec of specs) {
    const call = generateCall(spec.seed, { turns: spec.turns, holdMusic: spec.hold }, CACHE)
    for (const variant of spec.variants) {
      const r = await runCall(call, variant as (typeof VARIANTS)[number], model)
      const base = join(OUT, `${spec.name}.${variant}`)
      r.features.channels.forEach((c, k) => {
        writeFileSync(
          `${base}.c${k}.energy.f32`,
          Buffer.from(c.energy.buffer, c.energy.byteOffset, c.energy.byteLength),
        )
        writeFileSync(
          `${base}.c${k}.high.f32`,
          Buffer.from(c.highEnergy.buffer, c.highEnergy.byteOffset, c.highEnergy.byteLength),
        )
        writeFileSync(
          `${base}.c${k}.mfcc.f32`,
          Buffer.from(c.mfcc.buffer, c.mfcc.byteOffset, c.mfcc.byteLength),
        )
      })
      writeFileSync(
        `${base}.json`,
        JSON.stringify({ channels: r.features.channels.length, jobs: r.words.jobs }),
      )
      console.log(base, r.words.jobs.length)
    }
  }
}
void main()
