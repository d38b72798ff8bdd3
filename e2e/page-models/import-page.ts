import { expect, type Page } from '@playwright/test'

export interface ImportOutcome {
  added: number
  duplicates: number
  rejected: number
}

export class ImportPage {
  constructor(private readonly page: Page) {}

  async open(): Promise<void> {
    await this.page.getByTestId('nav-import').click()
    await expect(this.page.getByTestId('import-folder-input')).toBeVisible()
  }

  /** The previous import's summary stays until dismissed; clear it so we read the new one. */
  private async dismissSummary(): Promise<void> {
    const summary = this.page.getByTestId('import-summary')
    if (await summary.isVisible()) {
      await summary.getByRole('button', { name: 'Dismiss' }).click()
      await expect(summary).toBeHidden()
    }
  }

  async importFolder(folder: string): Promise<ImportOutcome> {
    await this.dismissSummary()
    await this.page.getByTestId('import-folder-input').fill(folder)
    await this.page.getByTestId('import-folder-start').click()
    return this.outcome()
  }

  async importKaggle(csv: string, images: string): Promise<ImportOutcome> {
    await this.dismissSummary()
    await this.page.getByTestId('import-csv-input').fill(csv)
    await this.page.getByTestId('import-images-input').fill(images)
    await this.page.getByTestId('import-kaggle-start').click()
    return this.outcome()
  }

  /** Waits for the finished import's summary and reads its three counts. */
  private async outcome(): Promise<ImportOutcome> {
    const summary = this.page.getByTestId('import-summary')
    await expect(summary).toBeVisible({ timeout: 120_000 })
    const read = async (name: string) => {
      const text = (await summary.getByTestId(`summary-${name}`).textContent()) ?? ''
      return Number(text.replace(/[^\d]/g, ''))
    }
    return {
      added: await read('added'),
      duplicates: await read('duplicates'),
      rejected: await read('rejected')
    }
  }
}
