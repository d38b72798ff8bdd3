import { useState } from 'react'
import { Alert, Button, Group, Stack, Table, Text } from '@mantine/core'
import type { ModelSummary } from '@shared/contract'
import { errorMessage } from '../api/api-error'
import { useApi } from '../api/ApiContext'
import { formatScore } from './model-format'

/** Before and after on the same validation whales, and the choice of which model to use. */
export function ModelComparison({
  model,
  models
}: {
  model: ModelSummary
  models: ModelSummary[]
}) {
  const api = useApi()
  const [error, setError] = useState<string | null>(null)
  const [kept, setKept] = useState(false)
  const previous = models.find((m) => m.id === model.comparedWith) ?? null
  const makeCurrent = () =>
    void api
      .request('models.setCurrent', { id: model.id })
      .catch((err: unknown) => setError(errorMessage(err)))

  return (
    <Stack gap="xs" data-testid="model-comparison">
      <Table withTableBorder maw={560}>
        <Table.Thead>
          <Table.Tr>
            <Table.Th>On {model.validationQueries} validation whales</Table.Th>
            <Table.Th>Model in use</Table.Th>
            <Table.Th>New model</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          <Table.Tr>
            <Table.Td>MAP@5</Table.Td>
            <Table.Td data-testid="before-map5">
              {previous ? formatScore(model.scores.previousValidationMap5) : '—'}
            </Table.Td>
            <Table.Td data-testid="after-map5">{formatScore(model.scores.validationMap5)}</Table.Td>
          </Table.Tr>
          <Table.Tr>
            <Table.Td>Top-1</Table.Td>
            <Table.Td>{previous ? formatScore(model.scores.previousValidationTop1) : '—'}</Table.Td>
            <Table.Td>{formatScore(model.scores.validationTop1)}</Table.Td>
          </Table.Tr>
        </Table.Tbody>
      </Table>
      {model.current ? (
        <Text size="sm" c="teal" data-testid="new-model-in-use">
          The new model is in use.
        </Text>
      ) : kept ? (
        <Text size="sm" c="dimmed">
          Kept the model in use. You can switch in the list below at any time.
        </Text>
      ) : (
        <Group>
          <Button size="xs" onClick={makeCurrent} data-testid="use-new-model">
            Use the new model
          </Button>
          <Button size="xs" variant="default" onClick={() => setKept(true)}>
            Keep the model in use
          </Button>
        </Group>
      )}
      {error && <Alert color="red">{error}</Alert>}
    </Stack>
  )
}
