import { useRef, useState } from 'react'
import { Alert, Center, Grid, Loader, Stack, Text, Title } from '@mantine/core'
import { useApi } from '../api/ApiContext'
import { useCatalogChanged } from '../api/use-event'
import { useRequest } from '../api/use-request'
import { ApiErrorAlert } from '../common/ApiErrorAlert'
import { BackLink } from '../common/BackLink'
import { HOME, formatHash } from '../router/routes'
import { Page } from '../layout/Shell'
import { BoxEditor } from './BoxEditor'
import { PhotoMetaTable } from './PhotoMetaTable'

export function PhotoPage({ id }: { id: string }) {
  const detail = useRequest('photos.get', { id })
  // A save of several boxes is several writes: reload once it is over, not between them.
  const saving = useRef(false)
  useCatalogChanged(() => {
    if (!saving.current) detail.reload()
  })
  const data = detail.data
  const api = useApi()
  const [notice, setNotice] = useState<string | null>(null)
  /** The next photo of the same import whose boxes nobody has checked yet. */
  const openNextUnchecked = async () => {
    if (!data) return
    const waiting = await api.request('photos.list', {
      filter: { unchecked: true, batchId: data.photo.batchId }
    })
    const next = waiting.find((p) => p.id !== id)
    if (next) location.hash = formatHash({ page: 'photo', id: next.id })
    else setNotice('Every photo of this import has checked boxes.')
  }

  return (
    <Page>
      <Stack gap="md" data-testid="photo-page">
        <BackLink fallback={HOME} />
        {detail.error && <ApiErrorAlert error={detail.error} onRetry={detail.reload} />}
        {!data && !detail.error && (
          <Center p="xl">
            <Loader aria-label="Loading photo" />
          </Center>
        )}
        {data && (
          <>
            <div>
              <Title order={2} style={{ overflowWrap: 'anywhere' }}>
                {data.photo.fileName}
              </Title>
              <Text size="sm" c="dimmed">
                {data.individuals.length > 0
                  ? data.individuals.map((i) => i.name).join(', ')
                  : 'No individual assigned'}
              </Text>
            </div>
            <Grid gap="lg">
              <Grid.Col span={{ base: 12, lg: 7 }}>
                <BoxEditor
                  key={data.annotations.map((a) => `${a.id}@${a.updatedAt}`).join()}
                  detail={data}
                  onSaved={detail.reload}
                  onBusy={(busy) => (saving.current = busy)}
                  onNext={() => void openNextUnchecked()}
                />
              </Grid.Col>
              <Grid.Col span={{ base: 12, lg: 5 }}>
                {notice && (
                  <Alert color="teal" mb="sm" data-testid="all-checked">
                    {notice}
                  </Alert>
                )}
                <PhotoMetaTable detail={data} />
              </Grid.Col>
            </Grid>
          </>
        )}
      </Stack>
    </Page>
  )
}
