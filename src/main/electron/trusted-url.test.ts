import { describe, expect, it } from 'vitest'
import { isTrustedPageUrl } from './trusted-url'

describe('isTrustedPageUrl', () => {
  const index = '/opt/Flukeprint/resources/app/out/renderer/index.html'

  it("trusts only the app's own page", () => {
    expect(isTrustedPageUrl(`file://${index}`, index)).toBe(true)
    expect(isTrustedPageUrl(`file://${index}#/catalogue/photo/1`, index)).toBe(true)
    expect(isTrustedPageUrl('file:///etc/passwd', index)).toBe(false)
    expect(isTrustedPageUrl('https://example.org/', index)).toBe(false)
    expect(isTrustedPageUrl(undefined, index)).toBe(false)
    expect(isTrustedPageUrl('not a url', index)).toBe(false)
  })

  it('trusts the dev server only when one is running', () => {
    expect(isTrustedPageUrl('http://localhost:5173/', index)).toBe(false)
    expect(isTrustedPageUrl('http://localhost:5173/#/jobs', index, 'http://localhost:5173')).toBe(
      true
    )
    expect(isTrustedPageUrl('http://localhost:5174/', index, 'http://localhost:5173')).toBe(false)
  })
})
