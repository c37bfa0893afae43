/**
 * Memory measured in a browser no tool inspects. Playwright enables DevTools' Network domain on
 * every page and worker, and Chromium then keeps a copy of each response body (up to about
 * 200 MB) for the inspector, which no reviewer's browser does: 60 ranged reads of 4 MB cost
 * +279 MB under Playwright and +85 MB without it. So the benchmark's memory comes from its own
 * load of the page in a headless Chromium driven over the DevTools protocol with nothing enabled:
 * it navigates and reads the page's performance marks, no more.
 */
import type { ChildProcess } from 'node:child_process'
import { spawn } from 'node:child_process'
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { chromium } from '@playwright/test'
import WebSocket from 'ws'
import { CHROMIUM_ARGS, SYSTEM_CHROMIUM } from '../chromium'
import { treeRssMb } from './process-rss'

const SAMPLE_MS = 100
const IDLE_MS = 2000

export interface QuietLoad {
  /** Peak RSS of the browser's processes above their idle baseline, in MB. */
  peakMb: number
  /** The first of the awaited marks the page set, or undefined on timeout. */
  mark: string | undefined
  /** When it was set, in ms from navigation. */
  atMs: number | undefined
}

/**
 * Opens `url` in an off-the-record headless Chromium (as Playwright's contexts are) of its own,
 * and samples its processes' RSS from before navigation until the page sets one of `marks`.
 */
export async function quietLoad(
  url: string,
  marks: readonly string[],
  timeoutMs: number,
): Promise<QuietLoad> {
  const profile = mkdtempSync(join(tmpdir(), 'turnline-quiet-'))
  const browser = spawn(
    SYSTEM_CHROMIUM ?? chromium.executablePath(),
    [
      ...CHROMIUM_ARGS,
      '--headless',
      '--incognito',
      '--window-size=1400,900',
      '--remote-debugging-port=0',
      `--user-data-dir=${profile}`,
      'about:blank',
    ],
    // A process group of its own: it ends with all its children, none left to weigh on the next.
    { stdio: ['ignore', 'ignore', 'pipe'], detached: true },
  )
  try {
    const endpoint = await devtoolsPort(browser)
    await delay(IDLE_MS)
    const baseline = treeRssMb(browser.pid ?? 0)
    const page = await pageSession(endpoint)
    let peak = baseline
    const sampler = setInterval(
      () => (peak = Math.max(peak, treeRssMb(browser.pid ?? 0))),
      SAMPLE_MS,
    )
    try {
      await page.send('Page.navigate', { url })
      const mark = await page.waitForMark(marks, timeoutMs)
      peak = Math.max(peak, treeRssMb(browser.pid ?? 0))
      const atMs = mark === undefined ? undefined : await page.markTime(mark)
      return { peakMb: peak - baseline, mark, atMs }
    } finally {
      clearInterval(sampler)
      page.close()
    }
  } finally {
    if (browser.exitCode === null && browser.signalCode === null) {
      const exited = new Promise((resolve) => browser.once('exit', resolve))
      process.kill(-(browser.pid ?? 0), 'SIGKILL')
      await exited
    }
    rmSync(profile, { recursive: true, force: true, maxRetries: 10, retryDelay: 100 })
  }
}

function delay(ms: number) {
  return new Promise((resolve) => setTimeout(resolve, ms))
}

/** The DevTools port the browser prints once it listens. */
function devtoolsPort(browser: ChildProcess): Promise<number> {
  return new Promise((resolve, reject) => {
    let text = ''
    browser.stderr?.on('data', (chunk: Buffer) => {
      text += chunk.toString()
      const port = /DevTools listening on ws:\/\/[^:]+:(\d+)\//.exec(text)?.[1]
      if (port) resolve(Number(port))
    })
    browser.once('exit', () => reject(new Error(`Chromium exited: ${text.slice(-500)}`)))
  })
}

interface PageSession {
  send(method: string, params?: object): Promise<unknown>
  waitForMark(marks: readonly string[], timeoutMs: number): Promise<string | undefined>
  markTime(mark: string): Promise<number | undefined>
  close(): void
}

/** A DevTools session with the browser's one page, over its own WebSocket. */
async function pageSession(port: number): Promise<PageSession> {
  const targets = (await (await fetch(`http://127.0.0.1:${port}/json/list`)).json()) as {
    type: string
    webSocketDebuggerUrl: string
  }[]
  const target = targets.find((t) => t.type === 'page')
  if (!target) throw new Error('the quiet browser has no page')
  const socket = new WebSocket(target.webSocketDebuggerUrl)
  await new Promise((resolve, reject) => socket.once('open', resolve).once('error', reject))
  let nextId = 1
  const waiting = new Map<number, (result: unknown) => void>()
  socket.on('message', (data: Buffer) => {
    const message = JSON.parse(data.toString()) as { id?: number; result?: unknown }
    if (message.id === undefined) return
    waiting.get(message.id)?.(message.result)
    waiting.delete(message.id)
  })
  const send = (method: string, params: object = {}) =>
    new Promise<unknown>((resolve) => {
      const id = nextId++
      waiting.set(id, resolve)
      socket.send(JSON.stringify({ id, method, params }))
    })
  const evaluate = async <T>(expression: string) => {
    const result = (await send('Runtime.evaluate', { expression, returnByValue: true })) as {
      result?: { value?: T | null }
    }
    return result.result?.value ?? undefined
  }
  const firstMark = (marks: readonly string[]) =>
    evaluate<string>(
      `(${JSON.stringify(marks)}).find((n) => performance.getEntriesByName(n).length > 0) ?? null`,
    )
  return {
    send,
    async waitForMark(marks, timeoutMs) {
      for (const end = Date.now() + timeoutMs; Date.now() < end; await delay(SAMPLE_MS)) {
        const mark = await firstMark(marks).catch(() => undefined)
        if (mark) return mark
      }
      return undefined
    },
    markTime: (mark) =>
      evaluate<number>(
        `performance.getEntriesByName(${JSON.stringify(mark)})[0]?.startTime ?? null`,
      ),
    close: () => socket.close(),
  }
}
