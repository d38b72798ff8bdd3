import { expect, type Locator, type Page } from '@playwright/test'

export class ReviewPage {
  constructor(private readonly page: Page) {}

  async open(): Promise<void> {
    await this.page.getByTestId('nav-review').click()
    await expect(this.page.getByTestId('review-page')).toBeVisible()
  }

  /** "N waiting" as a number. */
  async waiting(): Promise<number> {
    const count = this.page.getByTestId('review-count')
    await expect(count).toHaveText(/^\d+ waiting/)
    const text = (await count.textContent()) ?? ''
    const match = /^(\d+) waiting/.exec(text)
    if (!match?.[1]) throw new Error(`no count in "${text}"`)
    return Number(match[1])
  }

  /** Waits for the candidates of the photo now shown and returns them. */
  async candidates(): Promise<Locator> {
    const list = this.page.getByTestId('candidates')
    await expect(list).toBeVisible({ timeout: 60_000 })
    await expect(list.getByTestId('candidate').first()).toBeVisible()
    return list.getByTestId('candidate')
  }

  async queryId(): Promise<string> {
    return (await this.page.getByTestId('candidates').getAttribute('data-query')) ?? ''
  }

  /** Presses a decision key and waits until the catalogue acknowledged it. */
  async decide(key: string, saved: RegExp): Promise<void> {
    await this.page.keyboard.press(key)
    await expect(this.page.getByTestId('review-saved')).toHaveText(saved)
  }

  pane(side: 'query' | 'candidate'): Locator {
    return this.page.getByTestId(`compare-${side}`)
  }
}
