import { test as base } from '@playwright/test'
import { ReplayPage } from './replay-page'

export const test = base.extend<{ replay: ReplayPage }>({
  replay: async ({ page }, use) => {
    await use(new ReplayPage(page))
  },
})

export { expect } from '@playwright/test'
