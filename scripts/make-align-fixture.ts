// npm run fixtures:align — writes e2e/fixtures/align/: one generated call with exact truth, as a
// reviewer would bring it in each input variant (call.ogg + history.json: a `created_at`-only
// history and a mono mix of unknown start; stereo.ogg and variants/*.json for the others), so the
// unit and e2e suites test the alignment on real audio without needing espeak-ng in CI.

import { mkdirSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { generateCall } from './align-calls/generate'
import { requireTools } from './align-calls/speech'
import { VARIANTS, variantInputs } from './align-calls/variants'
import { writeOpus } from './align-calls/write-opus'

const OUT = join('e2e', 'fixtures', 'align')

requireTools()
mkdirSync(OUT, { recursive: true })
const call = generateCall(
  4242,
  { turns: 14, holdMusic: true },
  join(tmpdir(), 'turnline-align-speech'),
)
const inputs = variantInputs(call, 'created_at_mono')
writeOpus([inputs.channels[0]!], join(OUT, 'call.ogg'))
writeFileSync(join(OUT, 'history.json'), JSON.stringify(inputs.history, null, 1) + '\n')
mkdirSync(join(OUT, 'variants'), { recursive: true })
for (const variant of VARIANTS) {
  const { history, egress, channels } = variantInputs(call, variant)
  const recording = channels.length === 2 ? 'stereo.ogg' : 'call.ogg'
  if (channels.length === 2) writeOpus(channels, join(OUT, recording))
  const files = { recording, history, ...(egress !== undefined ? { egress } : {}) }
  writeFileSync(join(OUT, 'variants', `${variant}.json`), JSON.stringify(files, null, 1) + '\n')
}
const truth = {
  seed: call.seed,
  drift_ppm: call.drift * 1e6,
  hold_music: call.holdMusic,
  turns: call.turns.map((t) => ({
    id: t.id,
    role: t.role,
    start_s: t.start,
    end_s: t.end,
    interrupted: t.interrupted,
  })),
}
writeFileSync(join(OUT, 'truth.json'), JSON.stringify(truth, null, 1) + '\n')
console.log(`wrote ${OUT}: ${call.turns.length} turns, ${call.duration.toFixed(1)} s`)
