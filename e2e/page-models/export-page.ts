import { expect, type Page } from '@playwright/test'

export class ExportPage {
  constructor(private readonly page: Page) {}

  async open(): Promise<void> {
    await this.page.getByTestId('nav-export').click()
    await expect(this.page.getByTestId('export-start')).toBeVisible()
  }

  /** Chooses the format, the destination, runs the export and returns the "written" line. */
  async run(format: string, folder: string, name: string): Promise<string> {
    await this.page.getByTestId(`format-${format}`).check()
    await this.page.getByTestId('export-folder-input').fill(folder)
    await this.page.getByTestId('export-name-input').fill(name)
    await this.page.getByTestId('export-start').click()
    const done = this.page.getByTestId('export-done')
    // The previous export's line stays until the next one ends: wait for this one's path.
    await expect(done).toContainText(`/${name}`, { timeout: 60_000 })
    return (await done.textContent()) ?? ''
  }
}
