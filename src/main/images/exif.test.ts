import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { tempDir } from '../../../tests/fixtures/images'
import { generateDemoDataset } from '../demo'
import { exifDateToIso, readExif } from './exif'

describe('readExif', () => {
  it('reads date-time as written, GPS and camera from a photo', async () => {
    const demo = await generateDemoDataset({
      outDir: join(await tempDir(), 'd'),
      individuals: 1,
      photosPerIndividual: 1,
      seed: 3
    })
    const truth = demo.photos[0]
    if (!truth) throw new Error('no demo photo')
    const exif = await readExif(join(demo.dir, truth.file))
    expect(exif.takenAt).toBe(truth.takenAt)
    expect(exif.gps?.lat).toBeCloseTo(truth.lat, 4)
    expect(exif.gps?.lon).toBeCloseTo(truth.lon, 4)
    expect(exif.camera?.make).toBeTruthy()
  })

  it('turns EXIF dates into ISO text without shifting time zones, and refuses junk', () => {
    expect(exifDateToIso('2024:07:01 10:22:05')).toBe('2024-07-01T10:22:05')
    expect(exifDateToIso('0000:00:00 00:00:00')).toBeNull()
    expect(exifDateToIso('yesterday')).toBeNull()
    expect(exifDateToIso(42)).toBeNull()
  })
})
