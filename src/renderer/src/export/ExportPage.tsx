import { useState } from 'react'
import { Button, Card, Group, Radio, Select, Stack, Text, TextInput, Title } from '@mantine/core'
import type { ExportFormat, Occasion } from '@shared/contract'
import { useApi } from '../api/ApiContext'
import { useJob } from '../api/JobsProvider'
import { isActive } from '../api/merge-jobs'
import { useRequest } from '../api/use-request'
import { useAppInfo } from '../app/AppInfoContext'
import { ApiErrorAlert } from '../common/ApiErrorAlert'
import { PathField } from '../common/PathField'
import { Page } from '../layout/Shell'
import { ExportStatus } from './ExportStatus'
import { OccasionsEditor } from './OccasionsEditor'

const FORMATS: { value: ExportFormat; label: string; about: string; out: string }[] = [
  {
    value: 'csv',
    label: 'Catalogue CSV',
    about:
      'One row per fluke: file, individual, date, time, position, box, side, quality, who confirmed it and when. Flukeprint imports it back.',
    out: 'catalogue.csv'
  },
  {
    value: 'wildbook',
    label: 'Flukebook/Wildbook bulk import',
    about:
      'A folder with the spreadsheet (XLSX and CSV, Wildbook field names) and the photos beside it, ready for Bulk Import.',
    out: 'flukebook-import'
  },
  {
    value: 'folders',
    label: 'Flukes by individual',
    about:
      'A folder per individual holding its flukes cut from the photos (box and rotation applied).',
    out: 'flukes-by-individual'
  },
  {
    value: 'capture-history',
    label: 'Capture history (MARK, RMark)',
    about:
      'Individuals by sampling occasion: capture-history.inp for MARK and capture-history.csv (ch, freq, id) for RMark.',
    out: 'capture-history'
  },
  {
    value: 'kaggle',
    label: 'Kaggle submission',
    about:
      'Image,Id with the five best ids from the current model for each query (new_whale where its threshold falls).',
    out: 'submission.csv'
  }
]

export function ExportPage() {
  const api = useApi()
  const { info } = useAppInfo()
  const [format, setFormat] = useState<ExportFormat>('csv')
  const [folder, setFolder] = useState('')
  const [name, setName] = useState('catalogue.csv')
  const [occasions, setOccasions] = useState<Occasion[]>([{ label: '', from: '', to: '' }])
  const [batchId, setBatchId] = useState<string | null>(null)
  const [error, setError] = useState<unknown>(null)
  const [jobId, setJobId] = useState<string | null>(null)
  const job = useJob(jobId)
  const batches = useRequest('batches.list', {})
  const chosen = FORMATS.find((f) => f.value === format) ?? FORMATS[0]
  const out =
    folder.trim() && name.trim() ? `${folder.trim().replace(/\/+$/, '')}/${name.trim()}` : ''
  const busy = job !== null && isActive(job)

  async function start() {
    setError(null)
    setJobId(null)
    try {
      const { jobId: started } = await api.request('export.start', {
        format,
        out,
        ...(format === 'capture-history' ? { occasions } : {}),
        ...(format === 'kaggle' && batchId ? { batchId } : {})
      })
      setJobId(started)
    } catch (err) {
      setError(err)
    }
  }

  return (
    <Page>
      <Stack gap="lg" maw={900}>
        <div>
          <Title order={2}>Export</Title>
          <Text size="sm" c="dimmed">
            Exports run in the background and appear only when complete: a cancelled or failed
            export leaves nothing behind, and nothing existing is overwritten.
          </Text>
        </div>
        <Card withBorder padding="lg">
          <Stack gap="md">
            <Radio.Group
              label="Format"
              value={format}
              onChange={(value) => {
                const next = FORMATS.find((f) => f.value === value)
                if (!next) return
                setFormat(next.value)
                setName(next.out)
              }}
            >
              <Stack gap={6} mt={6}>
                {FORMATS.map((f) => (
                  <Radio
                    key={f.value}
                    value={f.value}
                    label={f.label}
                    data-testid={`format-${f.value}`}
                  />
                ))}
              </Stack>
            </Radio.Group>
            <Text size="sm" c="dimmed" data-testid="format-about">
              {chosen?.about}
            </Text>
            {format === 'capture-history' && (
              <OccasionsEditor occasions={occasions} onChange={setOccasions} />
            )}
            {format === 'kaggle' && (
              <Select
                label="Queries"
                placeholder="Every unassigned fluke"
                clearable
                value={batchId}
                onChange={setBatchId}
                data={(batches.data ?? []).map((b) => ({
                  value: b.id,
                  label: `Import: ${b.label}`
                }))}
              />
            )}
            <PathField
              label="Save in folder"
              value={folder}
              onChange={setFolder}
              testId="export-folder-input"
              pick={{ kind: 'folder', title: 'Choose where to save the export' }}
              nativeDialogs={info.nativeDialogs}
              placeholder="/path/to/exports"
            />
            <TextInput
              label="Name"
              value={name}
              onChange={(event) => setName(event.currentTarget.value)}
              data-testid="export-name-input"
              description="A new file or folder of this name is made in the folder above"
              spellCheck={false}
            />
            <Group justify="flex-end">
              <Button
                disabled={!out || busy}
                onClick={() => void start()}
                data-testid="export-start"
              >
                Export
              </Button>
            </Group>
          </Stack>
        </Card>
        {error !== null && (
          <ApiErrorAlert
            error={error}
            title="The export could not start"
            onClose={() => setError(null)}
          />
        )}
        {job && <ExportStatus job={job} />}
      </Stack>
    </Page>
  )
}
