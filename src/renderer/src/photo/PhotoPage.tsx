import { Center, Grid, Loader, Stack, Text, Title } from '@mantine/core'
import { useCatalogChanged } from '../api/use-event'
import { useRequest } from '../api/use-request'
import { ApiErrorAlert } from '../common/ApiErrorAlert'
import { BackLink } from '../common/BackLink'
import { HOME } from '../router/routes'
import { Page } from '../layout/Shell'
import { BoxEditor } from './BoxEditor'
import { PhotoMetaTable } from './PhotoMetaTable'

export function PhotoPage({ id }: { id: string }) {
  const detail = useRequest('photos.get', { id })
  useCatalogChanged(detail.reload)
  const data = detail.data

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
                />
              </Grid.Col>
              <Grid.Col span={{ base: 12, lg: 5 }}>
                <PhotoMetaTable detail={data} />
              </Grid.Col>
            </Grid>
          </>
        )}
      </Stack>
    </Page>
  )
}
