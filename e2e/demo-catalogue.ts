import { join } from 'node:path'
import type { Page } from '@playwright/test'
import { runCli } from './fixtures'
import { ImportPage, type ImportOutcome } from './page-models/import-page'

/**
 * Draws demo photos with the CLI (`demoArgs` as for `flukeprint demo`), creates a catalogue
 * in the UI and imports the labelled part; returns the folders and the import page.
 */
export async function labelledDemoCatalogue(
  page: Page,
  dataDir: string,
  name: string,
  demoArgs: string[]
): Promise<{ demo: string; catalogDir: string; importPage: ImportPage; labelled: ImportOutcome }> {
  const demo = join(dataDir, 'demo')
  await runCli(['demo', '--out', demo, ...demoArgs])
  const catalogDir = join(dataDir, name)
  await page.getByTestId('catalog-path-input').fill(catalogDir)
  await page.getByTestId('create-catalog').click()
  const importPage = new ImportPage(page)
  await importPage.open()
  const labelled = await importPage.importKaggle(join(demo, 'train.csv'), join(demo, 'images'))
  return { demo, catalogDir, importPage, labelled }
}
