import { useState } from 'react'
import { Alert, Anchor, Button, Center, Group, Loader, Stack, Text, Title } from '@mantine/core'
import type { ChangeView } from '@shared/contract'
import { useCatalogChanged } from '../api/use-event'
import { useRequest } from '../api/use-request'
import { ApiErrorAlert } from '../common/ApiErrorAlert'
import { BackLink } from '../common/BackLink'
import { formatCount, formatDay } from '../common/format'
import { PhotoGrid } from '../catalogue/PhotoGrid'
import { Page } from '../layout/Shell'
import { formatHash } from '../router/routes'
import { navigate } from '../router/use-route'
import { AssignmentHistory } from './AssignmentHistory'
import { ChangeHistory } from './ChangeHistory'
import { MergeDialog } from './MergeDialog'
import { SplitDialog } from './SplitDialog'
import { SightingList } from './SightingList'
import { IndividualMap } from '../views/IndividualMap'
import { SightingTimeline } from '../views/SightingTimeline'

export function IndividualPage({ id }: { id: string }) {
  const detail = useRequest('individuals.get', { id })
  useCatalogChanged(detail.reload)
  const data = detail.data
  const back = { page: 'catalogue', tab: 'individuals', filter: {} } as const
  const [dialog, setDialog] = useState<'merge' | 'split' | null>(null)
  const [lastSplit, setLastSplit] = useState<ChangeView | null>(null)

  return (
    <Page>
      <Stack gap="lg" data-testid="individual-page">
        <BackLink fallback={back} />
        {detail.error && <ApiErrorAlert error={detail.error} onRetry={detail.reload} />}
        {!data && !detail.error && (
          <Center p="xl">
            <Loader aria-label="Loading individual" />
          </Center>
        )}
        {data && (
          <>
            <div>
              <Group justify="space-between" align="flex-start">
                <Title order={2} data-testid="individual-name">
                  {data.individual.name}
                </Title>
                {!data.mergedInto && (
                  <Group gap="xs">
                    <Button
                      variant="default"
                      size="xs"
                      onClick={() => setDialog('split')}
                      disabled={data.annotations.length === 0}
                      data-testid="split-open"
                    >
                      Split…
                    </Button>
                    <Button
                      variant="default"
                      size="xs"
                      onClick={() => setDialog('merge')}
                      data-testid="merge-open"
                    >
                      Merge into…
                    </Button>
                  </Group>
                )}
              </Group>
              <Group gap="lg" mt={4}>
                <Text size="sm" c="dimmed">
                  {formatCount(data.photos.length, 'photo')}
                </Text>
                <Text size="sm" c="dimmed">
                  {formatCount(data.sightings.length, 'sighting')}
                </Text>
                <Text size="sm" c="dimmed">
                  {seenRange(data.sightings.map((s) => s.sighting.date))}
                </Text>
              </Group>
              {data.individual.notes && (
                <Text mt="sm" maw={720} style={{ whiteSpace: 'pre-wrap' }}>
                  {data.individual.notes}
                </Text>
              )}
            </div>
            {data.mergedInto && (
              <Alert color="gray" variant="light" data-testid="merged-into">
                Merged into{' '}
                <Anchor href={formatHash({ page: 'individual', id: data.mergedInto.id })}>
                  {data.mergedInto.name}
                </Anchor>
                : its photos are there now. The history below is kept.
              </Alert>
            )}
            {lastSplit && (
              <Alert
                color="teal"
                variant="light"
                withCloseButton
                onClose={() => setLastSplit(null)}
                data-testid="split-done"
              >
                Moved {formatCount(lastSplit.annotations, 'fluke')} to{' '}
                <Anchor href={formatHash({ page: 'individual', id: lastSplit.toId ?? '' })}>
                  {lastSplit.to}
                </Anchor>
                .
              </Alert>
            )}
            <MergeDialog
              opened={dialog === 'merge'}
              onClose={() => setDialog(null)}
              individual={data.individual}
              photoCount={data.photos.length}
              onMerged={(change) => {
                setDialog(null)
                if (change.toId) navigate({ page: 'individual', id: change.toId })
              }}
            />
            <SplitDialog
              opened={dialog === 'split'}
              onClose={() => setDialog(null)}
              detail={data}
              onSplit={(change) => {
                setDialog(null)
                setLastSplit(change)
              }}
            />
            <section>
              <Title order={3} size="h4" mb="sm">
                Timeline
              </Title>
              <SightingTimeline sightings={data.sightings} />
            </section>
            <section>
              <Title order={3} size="h4" mb="sm">
                Where it was seen
              </Title>
              <IndividualMap id={id} />
            </section>
            <section>
              <Title order={3} size="h4" mb="sm">
                Sightings
              </Title>
              <SightingList sightings={data.sightings} />
            </section>
            <section>
              <Title order={3} size="h4" mb="sm">
                All photos
              </Title>
              <PhotoGrid photos={data.photos} memoryKey={`individual:${id}`} maxHeight="70vh" />
            </section>
            <section>
              <Title order={3} size="h4" mb="sm">
                History
              </Title>
              <ChangeHistory changes={data.changes} selfId={data.individual.id} />
              <AssignmentHistory history={data.history} />
            </section>
          </>
        )}
      </Stack>
    </Page>
  )
}

function seenRange(dates: (string | null)[]): string {
  const known = dates.filter((d): d is string => d !== null).sort()
  const first = known[0]
  const last = known[known.length - 1]
  if (!first || !last) return 'No dated sightings'
  if (first === last) return `Seen ${formatDay(first)}`
  return `Seen ${formatDay(first)} – ${formatDay(last)}`
}
