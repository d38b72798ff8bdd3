import exifr from 'exifr'
import { describe, expect, it } from 'vitest'
import { dmsRationals, exifDate, type PhotoMeta } from './exif'
import { identityFor } from './identity'
import { renderFlukePhoto } from './render-photo'
import { localIso } from './test-utils'
import { variationFor } from './variation'

const meta: PhotoMeta = {
  takenAt: '2021-08-14T16:05:09',
  lat: 42.354321,
  lon: -70.298765,
  make: 'Canon',
  model: 'Canon EOS R7'
}

describe('EXIF', () => {
  it('formats dates and degree rationals', () => {
    expect(exifDate('2021-08-14T16:05:09')).toBe('2021:08:14 16:05:09')
    expect(() => exifDate('14/08/2021')).toThrow()
    expect(dmsRationals(42.5)).toBe('42/1 30/1 0/10000')
    expect(dmsRationals(-70.298765)).toBe('70/1 17/1 555540/10000')
    // Rounding up to a whole minute carries instead of writing 60 seconds.
    expect(dmsRationals(10.99999999)).toBe('11/1 0/1 0/10000')
  })

  it('round-trips date, GPS, camera and orientation through sharp and exifr', async () => {
    const v = variationFor(5, 0)
    for (const orientation of [1, 6]) {
      const { jpeg } = await renderFlukePhoto(
        identityFor(5, 0),
        v,
        { width: 320, height: 214 },
        meta,
        orientation
      )
      const tags = (await exifr.parse(jpeg, { gps: true, translateValues: false })) as Record<
        string,
        unknown
      >
      expect(localIso(tags.DateTimeOriginal as Date)).toBe(meta.takenAt)
      expect(localIso(tags.ModifyDate as Date)).toBe(meta.takenAt)
      expect(Math.abs((tags.latitude as number) - meta.lat)).toBeLessThan(1e-4)
      expect(Math.abs((tags.longitude as number) - meta.lon)).toBeLessThan(1e-4)
      expect(tags.Make).toBe('Canon')
      expect(tags.Model).toBe('Canon EOS R7')
      expect(tags.Orientation).toBe(orientation)
    }
  })

  it('writes no date or place when none is given', async () => {
    const { jpeg } = await renderFlukePhoto(identityFor(5, 0), variationFor(5, 0), {
      width: 320,
      height: 214
    })
    const tags = (await exifr.parse(jpeg, { gps: true })) as Record<string, unknown> | undefined
    expect(tags?.DateTimeOriginal).toBeUndefined()
    expect(tags?.latitude).toBeUndefined()
  })
})
