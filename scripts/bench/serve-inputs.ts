import {
  copyFileSync,
  createReadStream,
  existsSync,
  mkdirSync,
  rmSync,
  statSync,
  symlinkSync,
  writeFileSync,
} from 'node:fs'
import { execFileSync } from 'node:child_process'
import { once } from 'node:events'
import type { ServerResponse } from 'node:http'
import { extname, join, resolve } from 'node:path'
import { setTimeout as sleep } from 'node:timers/promises'
import type { Browser, Page } from '@playwright/test'
import { chromium } from '@playwright/test'
import type { Plugin } from 'vite'
import { preview } from 'vite'
import { CHROMIUM_LAUNCH } from '../chromium'
import type { BenchCase } from './waveform-inputs'
import { CASES, ensureInputs, INPUTS, inputUrls } from './waveform-inputs'
import { INIT_SCRIPT, WAVESURFER_PAGE } from './waveform-page'

const SERVED = 'dist/bench-waveform'

/** Puts the benchmark inputs and the wavesurfer.js baseline page next to the built app. */
export function serveInputs() {
  if (!existsSync('dist/index.html')) execFileSync('npx', ['vite', 'build'], { stdio: 'inherit' })
  rmSync(SERVED, { recursive: true, force: true })
  mkdirSync(SERVED, { recursive: true })
  for (const c of CASES) {
    for (const path of Object.values(inputUrls(c, INPUTS))) {
      const target = join(SERVED, path.slice(INPUTS.length + 1))
      if (!existsSync(target) && existsSync(path)) symlinkSync(resolve(path), target)
    }
  }
  copyFileSync(
    'node_modules/wavesurfer.js/dist/wavesurfer.esm.js',
    join(SERVED, 'wavesurfer.esm.js'),
  )
  writeFileSync(join(SERVED, 'wavesurfer.html'), WAVESURFER_PAGE)
}

/** One case by its id (the command line's first argument, or the 1 h Opus call), made and served. */
export function servedCase(id = process.argv[2] ?? '1 h Opus'): BenchCase {
  const c = CASES.find((k) => k.id === id)
  if (!c) throw new Error(`no case ${id}`)
  ensureInputs([c])
  serveInputs()
  return c
}

/**
 * The built app served on `port` with the case's inputs (`servedCase`), and a headless browser
 * with one page carrying the benchmark's init script, handed to `measure`; all closed after it.
 */
export async function withBenchPage(
  port: number,
  measure: (page: Page, browser: Browser, c: BenchCase) => Promise<void>,
  latencyMs = 0,
) {
  const c = servedCase()
  const server = await previewWithInputs(port, latencyMs)
  const browser = await chromium.launch(CHROMIUM_LAUNCH)
  try {
    const page = await browser.newPage({ viewport: { width: 1400, height: 900 } })
    await page.addInitScript(INIT_SCRIPT)
    await measure(page, browser, c)
  } finally {
    await browser.close()
    await server.close()
  }
}

/**
 * The built app on `port`, with the inputs served as links are (see `asLinksAre`); `outDir`, a
 * build other than `dist` with the same inputs, lets builds be compared side by side.
 */
export function previewWithInputs(port: number, latencyMs = 0, outDir = 'dist', mbits = 0) {
  return preview({
    build: { outDir },
    preview: { port, strictPort: true },
    plugins: [asLinksAre(latencyMs, mbits)],
  })
}

/**
 * Serves the inputs as a storage service does: a suffix range (`bytes=-N`, the last N bytes) is
 * answered as one (vite's static server reads it as the first N), and with `latencyMs`, every
 * response starts that much later, as from a server far away; with `mbits`, each response comes
 * at that many megabits a second, as over a real link.
 */
function asLinksAre(latencyMs: number, mbits: number): Plugin {
  const inputs = `/${SERVED.slice('dist/'.length)}/`
  return {
    name: 'bench-links',
    configurePreviewServer(server) {
      server.middlewares.use((request, response, next) => {
        const path = new URL(request.url ?? '/', 'http://localhost').pathname
        if (!path.startsWith(inputs)) return next()
        const suffix = /^bytes=-(\d+)$/.exec(request.headers.range ?? '')
        const file = join(SERVED, decodeURIComponent(path.slice(inputs.length)))
        if (suffix && existsSync(file)) {
          const size = statSync(file).size
          request.headers.range = `bytes=${Math.max(0, size - Number(suffix[1]))}-${size - 1}`
        }
        const answer =
          mbits > 0 && existsSync(file)
            ? () => void servePaced(file, request.headers.range, response, mbits)
            : next
        if (latencyMs > 0) setTimeout(answer, latencyMs)
        else answer()
      })
    },
  }
}

const TYPES: Record<string, string> = {
  '.ogg': 'audio/ogg',
  '.mp3': 'audio/mpeg',
  '.wav': 'audio/wav',
  '.m4a': 'audio/mp4',
  '.webm': 'audio/webm',
  '.json': 'application/json',
}

/** `file`, or the range asked for, written no faster than `mbits` megabits a second. */
async function servePaced(
  file: string,
  range: string | undefined,
  response: ServerResponse,
  mbits: number,
) {
  const size = statSync(file).size
  const asked = /^bytes=(\d+)-(\d*)$/.exec(range ?? '')
  const start = asked ? Number(asked[1]) : 0
  const end = asked?.[2] ? Math.min(Number(asked[2]), size - 1) : size - 1
  response.writeHead(asked ? 206 : 200, {
    'Accept-Ranges': 'bytes',
    'Content-Length': String(end - start + 1),
    'Content-Type': TYPES[extname(file)] ?? 'application/octet-stream',
    ...(asked ? { 'Content-Range': `bytes ${start}-${end}/${size}` } : {}),
  })
  const bytesPerMs = (mbits * 1e6) / 8 / 1000
  const began = Date.now()
  let sent = 0
  for await (const chunk of createReadStream(file, { start, end, highWaterMark: 64 << 10 })) {
    if (response.destroyed) return
    sent += (chunk as Buffer).length
    await sleep(Math.max(0, began + sent / bytesPerMs - Date.now()))
    if (!response.write(chunk)) await once(response, 'drain')
  }
  response.end()
}
