import { readFileSync } from 'node:fs'
import { expect, test } from './fixtures'

// Made by scripts/make-empty-recordings.ts (ffmpeg + truncation); e2e/corpus/README.md says how.
for (const name of ['header-only.ogg', 'header-only-eos.ogg']) {
  test(`${name}: an empty recording is refused in plain words and the call stays`, async ({
    replay,
    page,
  }) => {
    await replay.open()
    await page.getByTestId('file-input').setInputFiles({
      name,
      mimeType: 'audio/ogg',
      buffer: readFileSync(new URL(`./corpus/${name}`, import.meta.url)),
    })
    const banner = page.getByRole('alert').filter({ hasText: name })
    await expect(banner).toContainText('what was loaded before is kept')
    await expect(banner).toContainText(
      `${name}: the recording is empty: it has Ogg Opus headers but no audio, so there is nothing to play`,
    )
    await expect(page.getByText('audio.ogg · 2 ch · 67.1 s')).toBeVisible()
    await expect(page.getByText(`${name} ·`)).toHaveCount(0)
    await replay.waitForCall()

    await page.getByRole('button', { name: 'Play' }).click()
    await expect.poll(() => replay.seconds()).toBeGreaterThan(0)
  })
}
