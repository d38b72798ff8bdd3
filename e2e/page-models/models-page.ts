import { expect, type Page } from '@playwright/test'

export class ModelsPage {
  constructor(private readonly page: Page) {}

  async open(): Promise<void> {
    await this.page.getByTestId('nav-models').click()
    await expect(this.page.getByTestId('models-page')).toBeVisible()
  }

  /** Starts a retrain of `label` (e.g. "30 s") and waits until it has finished. */
  async retrain(label: string): Promise<void> {
    const job = this.page.getByTestId('training-job')
    await this.page.getByTestId('retrain-minutes').getByText(label, { exact: true }).click()
    await this.page.getByTestId('retrain-button').click()
    await expect(job).toHaveAttribute('data-state', /queued|running/)
    await expect(this.page.getByTestId('training-chart')).toBeVisible({ timeout: 120_000 })
    await expect(job).toHaveAttribute('data-state', 'done', { timeout: 240_000 })
  }

  async modelCount(): Promise<number> {
    return this.page.getByTestId('model-row').count()
  }
}
