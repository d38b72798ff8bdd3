import { writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { tempDir, writePhoto } from '../../../tests/fixtures/images'
import { readSheetImport } from './sheet-import'
import { mergeTakenAt } from './sheet-values'

async function sheetFolder(csv: string) {
  const root = await tempDir()
  for (const [i, name] of ['a.jpg', 'b.jpg', 'sub/c.jpg'].entries()) {
    await writePhoto(join(root, name), { seed: 40 + i })
  }
  const sheet = join(root, 'sheet.csv')
  await writeFile(sheet, csv)
  return sheet
}

describe('reading a Wildbook-style spreadsheet', () => {
  it('maps the columns and reports every bad row before anything is written', async () => {
    const sheet = await sheetFolder(
      [
        'Encounter.mediaAsset0,Encounter.individualID,Encounter.year,Encounter.month,Encounter.day,Encounter.hour,Encounter.minutes,Encounter.decimalLatitude,Encounter.decimalLongitude,Encounter.genus,Notes',
        'a.jpg,W1,2024,7,1,10,22,42.35,-70.3,Megaptera,x',
        'sub/c.jpg,new_whale,2024,2,30,,,,,Megaptera,',
        'missing.jpg,W2,2024,7,1,,,,,Megaptera,',
        'b.jpg,W2,2024,,,,,42.1,,Megaptera,',
        'a.jpg,W3,2024,7,1,10,22,42.35,-70.3,Megaptera,'
      ].join('\n')
    )
    const { preview, request } = await readSheetImport(sheet)
    expect(preview.columns.map((c) => c.field)).toEqual([
      'file',
      'individual',
      'year',
      'month',
      'day',
      'hour',
      'minutes',
      'latitude',
      'longitude',
      null,
      null
    ])
    expect(preview.columns[10]?.note).toBe('unknown column: not imported')
    expect(preview.rows.map((r) => [r.row, r.errors])).toEqual([
      [2, []],
      [3, ['no such date 2024-2-30']],
      [4, [expect.stringMatching(/photo .*missing\.jpg not found/)]],
      [
        5,
        [
          'incomplete date: give year, month and day (or leave all empty)',
          'latitude and longitude go together: give both'
        ]
      ],
      [6, ['photo already on row 2: give both rows a box to import two flukes of one photo']]
    ])
    expect(preview.rows[0]).toMatchObject({
      individual: 'W1',
      takenAt: '2024-07-01T10:22',
      latitude: 42.35,
      longitude: -70.3
    })
    expect([preview.good, preview.photos]).toEqual([1, 1])
    expect(request.items.map((i) => i.display)).toEqual(['a.jpg'])
    expect(request.rejectedBefore.map((r) => r.reason)).toHaveLength(4)
  })

  it('refuses a sheet without a photo column, and asks for ISO dates', async () => {
    const sheet = await sheetFolder('whale,date\nW1,01/07/2024\n')
    const { preview, request } = await readSheetImport(sheet)
    expect(preview.problems[0]).toMatch(/No photo column/)
    expect(preview.rows[0]?.errors).toEqual([
      'ambiguous date "01/07/2024": write it as YYYY-MM-DD',
      'no photo file'
    ])
    expect(request.items).toEqual([])
  })

  it('keeps EXIF seconds where the sheet agrees to the minute; the sheet wins otherwise', () => {
    expect(mergeTakenAt('2024-07-01T10:22', '2024-07-01T10:22:05')).toBe('2024-07-01T10:22:05')
    expect(mergeTakenAt('2024-07-01', '2024-07-01T10:22:05')).toBe('2024-07-01T10:22:05')
    expect(mergeTakenAt('2024-07-02', '2024-07-01T10:22:05')).toBe('2024-07-02')
    expect(mergeTakenAt(null, '2024-07-01T10:22:05')).toBe('2024-07-01T10:22:05')
  })
})
