import { useState } from 'react'
import { Alert, Button, Card, Group, Stack, Text, Title } from '@mantine/core'
import type { SheetPreview } from '@shared/contract'
import { useApi } from '../api/ApiContext'
import { ApiErrorAlert } from '../common/ApiErrorAlert'
import { PathField } from '../common/PathField'
import { SheetPreviewTable } from './SheetPreviewTable'

interface Props {
  nativeDialogs: boolean
  busy: boolean
  onStart: (sheet: string) => void
}

/** A Wildbook/Flukebook spreadsheet: preview first (nothing written), then import. */
export function SheetImportCard({ nativeDialogs, busy, onStart }: Props) {
  const api = useApi()
  const [sheet, setSheet] = useState('')
  const [preview, setPreview] = useState<SheetPreview | null>(null)
  const [error, setError] = useState<unknown>(null)
  const [reading, setReading] = useState(false)

  async function read() {
    if (!sheet.trim()) return
    setReading(true)
    setError(null)
    setPreview(null)
    try {
      setPreview(await api.request('import.sheetPreview', { sheet: sheet.trim() }))
    } catch (err) {
      setError(err)
    } finally {
      setReading(false)
    }
  }

  const importable = preview !== null && preview.problems.length === 0 && preview.good > 0
  return (
    <Card withBorder padding="lg">
      <Stack gap="md">
        <div>
          <Title order={3} size="h4">
            Import a Flukebook/Wildbook spreadsheet
          </Title>
          <Text size="sm" c="dimmed">
            A bulk-import sheet (CSV or XLSX) naming photos, individuals, dates and places, or a
            catalogue CSV exported by Flukeprint. Photo paths are read relative to the sheet's
            folder. Where the sheet gives a date, time or position it wins over the photo's EXIF
            (EXIF keeps its seconds and altitude where it agrees with the sheet).
          </Text>
        </div>
        <PathField
          label="Spreadsheet"
          value={sheet}
          onChange={(value) => {
            setSheet(value)
            setPreview(null)
          }}
          testId="import-sheet-input"
          pick={{ kind: 'sheet', title: 'Choose a spreadsheet' }}
          nativeDialogs={nativeDialogs}
          placeholder="/path/to/flukebook-import.xlsx"
          onSubmit={() => void read()}
        />
        <Group justify="flex-end">
          <Button
            variant="default"
            disabled={!sheet.trim() || busy}
            loading={reading}
            onClick={() => void read()}
            data-testid="import-sheet-preview"
          >
            Preview
          </Button>
          <Button
            disabled={!importable || busy}
            onClick={() => {
              onStart(sheet.trim())
              setPreview(null)
            }}
            data-testid="import-sheet-start"
          >
            {preview ? `Import ${preview.good} good rows` : 'Import'}
          </Button>
        </Group>
        {error !== null && (
          <ApiErrorAlert
            error={error}
            title="The spreadsheet could not be read"
            onClose={() => setError(null)}
          />
        )}
        {preview && preview.problems.length > 0 && (
          <Alert color="red" title="This sheet cannot be imported" data-testid="sheet-problems">
            {preview.problems.join('. ')}
          </Alert>
        )}
        {preview && <SheetPreviewTable preview={preview} />}
      </Stack>
    </Card>
  )
}
