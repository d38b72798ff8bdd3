import { expect, type Page } from '@playwright/test'

export class CataloguePage {
  constructor(private readonly page: Page) {}

  async open(): Promise<void> {
    await this.page.getByTestId('nav-catalogue').click()
    await expect(this.page.getByTestId('tab-photos')).toBeVisible()
  }

  async photoCount(): Promise<number> {
    const text = (await this.page.getByTestId('photo-count').textContent()) ?? ''
    return Number(/([\d,]+)/.exec(text)?.[1]?.replace(/,/g, '') ?? NaN)
  }

  async setUnassignedOnly(on: boolean): Promise<void> {
    const toggle = this.page.getByTestId('filter-unassigned')
    if ((await toggle.isChecked()) !== on) await toggle.click({ force: true })
    await expect(toggle).toBeChecked({ checked: on })
  }

  /** Every visible thumbnail decoded: the image route served a real picture. */
  async expectThumbnailsLoaded(): Promise<void> {
    const images = this.page.getByTestId('photo-cell').locator('img')
    await expect(images.first()).toBeVisible()
    await expect
      .poll(async () =>
        images.evaluateAll((all) =>
          all
            .slice(0, 12)
            .every(
              (img) =>
                (img as HTMLImageElement).complete && (img as HTMLImageElement).naturalWidth > 0
            )
        )
      )
      .toBe(true)
  }

  async openFirstIndividual(): Promise<void> {
    await this.page.getByTestId('tab-individuals').click()
    await this.page.getByTestId('individual-row').first().click()
    await expect(this.page.getByTestId('individual-page')).toBeVisible()
  }
}
