import { useState } from 'react'
import { Button, Card, Group, Stack, Text, Title } from '@mantine/core'
import { PathField } from '../common/PathField'

interface CardProps {
  nativeDialogs: boolean
  /** An import of this page is running: one at a time keeps the summary unambiguous. */
  busy: boolean
}

export function FolderImportCard(props: CardProps & { onStart: (folder: string) => void }) {
  const { nativeDialogs, busy, onStart } = props
  const [folder, setFolder] = useState('')
  const ready = folder.trim() !== '' && !busy
  const start = () => {
    if (ready) onStart(folder.trim())
  }
  return (
    <Card withBorder padding="lg">
      <Stack gap="md" h="100%">
        <div>
          <Title order={3} size="h4">
            Import a folder of photos
          </Title>
          <Text size="sm" c="dimmed">
            Every JPEG, PNG, TIFF or WebP image in the folder and its subfolders is added. Files
            stay where they are; photos already in the catalogue are skipped.
          </Text>
        </div>
        <PathField
          label="Photo folder"
          value={folder}
          onChange={setFolder}
          testId="import-folder-input"
          pick={{ kind: 'folder', title: 'Choose a folder of photos' }}
          nativeDialogs={nativeDialogs}
          placeholder="/path/to/survey-2024"
          onSubmit={start}
        />
        <Group justify="flex-end" mt="auto">
          <Button disabled={!ready} onClick={start} data-testid="import-folder-start">
            Import
          </Button>
        </Group>
      </Stack>
    </Card>
  )
}

export function KaggleImportCard(
  props: CardProps & { onStart: (csv: string, images: string) => void }
) {
  const { nativeDialogs, busy, onStart } = props
  const [csv, setCsv] = useState('')
  const [images, setImages] = useState('')
  const ready = csv.trim() !== '' && images.trim() !== '' && !busy
  const start = () => {
    if (ready) onStart(csv.trim(), images.trim())
  }
  return (
    <Card withBorder padding="lg">
      <Stack gap="md" h="100%">
        <div>
          <Title order={3} size="h4">
            Import an existing catalogue (Kaggle train.csv)
          </Title>
          <Text size="sm" c="dimmed">
            A CSV of <code>Image,Id</code> rows and the folder holding those images: each photo is
            added with its whale&apos;s identity.
          </Text>
        </div>
        <PathField
          label="CSV file"
          value={csv}
          onChange={setCsv}
          testId="import-csv-input"
          pick={{ kind: 'csv', title: 'Choose the catalogue CSV (train.csv)' }}
          nativeDialogs={nativeDialogs}
          placeholder="/path/to/train.csv"
          onSubmit={start}
        />
        <PathField
          label="Images folder"
          value={images}
          onChange={setImages}
          testId="import-images-input"
          pick={{ kind: 'folder', title: 'Choose the folder of images' }}
          nativeDialogs={nativeDialogs}
          placeholder="/path/to/train"
          onSubmit={start}
        />
        <Group justify="flex-end" mt="auto">
          <Button disabled={!ready} onClick={start} data-testid="import-kaggle-start">
            Import catalogue
          </Button>
        </Group>
      </Stack>
    </Card>
  )
}
