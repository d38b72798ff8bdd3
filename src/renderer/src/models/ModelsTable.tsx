import { useState } from 'react'
import { Alert, Badge, Button, Table, Text } from '@mantine/core'
import type { ModelSummary } from '@shared/contract'
import { errorMessage } from '../api/api-error'
import { useApi } from '../api/ApiContext'
import { formatDateTime, formatNumber } from '../common/format'
import { formatScore } from './model-format'

export function ModelsTable({ models }: { models: ModelSummary[] }) {
  const api = useApi()
  const [error, setError] = useState<string | null>(null)
  const use = (id: string) =>
    void api
      .request('models.setCurrent', { id })
      .catch((err: unknown) => setError(errorMessage(err)))
  return (
    <>
      {error && <Alert color="red">{error}</Alert>}
      <Table.ScrollContainer minWidth={760}>
        <Table striped withTableBorder data-testid="models-table">
          <Table.Thead>
            <Table.Tr>
              <Table.Th>Trained</Table.Th>
              <Table.Th>Kind</Table.Th>
              <Table.Th>Data</Table.Th>
              <Table.Th>Training</Table.Th>
              <Table.Th>MAP@5</Table.Th>
              <Table.Th>Top-1</Table.Th>
              <Table.Th>Model in use then</Table.Th>
              <Table.Th />
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {models.map((m) => (
              <Table.Tr
                key={m.id}
                data-testid="model-row"
                data-model-id={m.id}
                data-current={m.current || undefined}
              >
                <Table.Td>
                  <Text size="sm">{formatDateTime(m.createdAt)}</Text>
                  <Text size="xs" c="dimmed" ff="monospace">
                    {m.id}
                  </Text>
                </Table.Td>
                <Table.Td>{m.kind}</Table.Td>
                <Table.Td>
                  {formatNumber(m.items)} photos, {formatNumber(m.individuals)} whales
                </Table.Td>
                <Table.Td>
                  {m.steps === 0
                    ? 'built-in, untrained'
                    : `${Math.round(m.seconds)} s, ${formatNumber(m.steps)} steps`}
                </Table.Td>
                <Table.Td data-testid="model-map5">{formatScore(m.scores.validationMap5)}</Table.Td>
                <Table.Td>{formatScore(m.scores.validationTop1)}</Table.Td>
                <Table.Td>{formatScore(m.scores.previousValidationMap5)}</Table.Td>
                <Table.Td>
                  {m.current ? (
                    <Badge color="teal" data-testid="model-current">
                      In use
                    </Badge>
                  ) : (
                    <Button size="xs" variant="light" onClick={() => use(m.id)}>
                      Use this model
                    </Button>
                  )}
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>
      <Text size="xs" c="dimmed">
        Scores are on whales each model did not train on, so they shift as the catalogue grows;
        compare two models on the same run with the before/after table above.
      </Text>
    </>
  )
}
