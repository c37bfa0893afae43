import { existsSync } from 'node:fs'

/** Debian's Chromium when installed (Playwright cannot download browsers here), else Playwright's own. */
export const SYSTEM_CHROMIUM = ['/usr/bin/chromium', '/usr/bin/chromium-browser'].find((p) =>
  existsSync(p),
)

/** Headless flags for this sandbox, plus autoplay so tests and benchmarks can play real audio. */
export const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
  '--autoplay-policy=no-user-gesture-required',
  '--force-device-scale-factor=1',
]

export const CHROMIUM_LAUNCH = {
  ...(SYSTEM_CHROMIUM ? { executablePath: SYSTEM_CHROMIUM } : {}),
  args: CHROMIUM_ARGS,
}
