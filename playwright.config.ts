import { defineConfig } from '@playwright/test'

// One set of specs, two ways to run the app: the web host in Debian's Chromium (everywhere),
// and the Electron app where its binary is installed (skipped with the reason elsewhere).
export default defineConfig({
  testDir: 'e2e',
  timeout: 180_000,
  expect: { timeout: 20_000 },
  fullyParallel: false,
  workers: 1,
  reporter: [['list']],
  outputDir: 'test-results',
  globalSetup: './e2e/global-setup.ts',
  use: { trace: 'off', screenshot: 'only-on-failure' },
  projects: [{ name: 'chromium-web', use: { browserName: 'chromium' } }, { name: 'electron' }]
})
