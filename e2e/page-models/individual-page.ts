import { expect, type Page } from '@playwright/test'

/** An individual's page: its name, photos, merge and split dialogs, and the history. */
export class IndividualPage {
  constructor(private readonly page: Page) {}

  async name(): Promise<string> {
    return ((await this.page.getByTestId('individual-name').textContent()) ?? '').trim()
  }

  async photoCount(): Promise<number> {
    return this.page.getByTestId('photo-cell').count()
  }

  async mergeInto(name: string): Promise<void> {
    await this.page.getByTestId('merge-open').click()
    const dialog = this.page.getByTestId('merge-dialog')
    await dialog.getByTestId('merge-target').click()
    await this.page.getByRole('option', { name: new RegExp(`^${escape(name)} `) }).click()
    await dialog.getByTestId('merge-confirm').click()
    await expect(dialog).toBeHidden()
  }

  /** Splits the first `count` flukes off to the existing individual whose label starts `to`. */
  async splitTo(count: number, to: string): Promise<void> {
    await this.page.getByTestId('split-open').click()
    const dialog = this.page.getByTestId('split-dialog')
    for (let i = 0; i < count; i++) await dialog.getByTestId('split-choice').nth(i).click()
    await dialog.getByText('To an existing one').click()
    await dialog.getByTestId('split-target').click()
    await this.page.getByRole('option', { name: new RegExp(`^${escape(to)}`) }).click()
    await dialog.getByTestId('split-confirm').click()
    await expect(dialog).toBeHidden()
    await expect(this.page.getByTestId('split-done')).toBeVisible()
  }

  /** Rows of the merges-and-splits table, newest first, as their text. */
  async changes(): Promise<string[]> {
    return this.page.getByTestId('change-row').allTextContents()
  }
}

const escape = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')
