import { Stack, Text, Title } from '@mantine/core'
import { useCatalogChanged } from '../api/use-event'
import { useRequest } from '../api/use-request'
import { ApiErrorAlert } from '../common/ApiErrorAlert'
import { Page } from '../layout/Shell'
import { BoxProposalPanel } from './BoxProposalPanel'
import { ModelsTable } from './ModelsTable'
import { RetrainPanel } from './RetrainPanel'
import { ScoreChart } from '../views/ScoreChart'

export function ModelsPage() {
  const models = useRequest('models.list', {}, { keepPrevious: true })
  useCatalogChanged(models.reload)
  const list = models.data ?? []
  return (
    <Page>
      <Stack gap="lg" data-testid="models-page">
        <div>
          <Title order={2}>Models</Title>
          <Text c="dimmed" size="sm" maw={760}>
            A model turns each fluke into a fingerprint; matches are ranked by how close the
            fingerprints are. Retraining teaches it from the matches you confirmed and rejected, and
            scores it on whales it did not train on, beside the model in use.
          </Text>
        </div>
        {models.error && <ApiErrorAlert error={models.error} onRetry={models.reload} />}
        <RetrainPanel models={list} loaded={models.data !== undefined} />
        {list.length > 0 && <ModelsTable models={list} />}
        {list.length > 0 && (
          <section>
            <Title order={3} size="h4" mb="sm">
              Scores across models
            </Title>
            <ScoreChart models={list} />
          </section>
        )}
        <BoxProposalPanel />
      </Stack>
    </Page>
  )
}
