import { useState } from 'react'
import { Button, Group, Modal, Select, Stack, Text } from '@mantine/core'
import type { ChangeView } from '@shared/contract'
import { useApi } from '../api/ApiContext'
import { useRequest } from '../api/use-request'
import { ApiErrorAlert } from '../common/ApiErrorAlert'
import { formatCount } from '../common/format'

interface Props {
  opened: boolean
  onClose: () => void
  individual: { id: string; name: string }
  photoCount: number
  onMerged: (change: ChangeView) => void
}

/** Merging says what moves and that nothing is lost: the merged whale stays in the history. */
export function MergeDialog({ opened, onClose, individual, photoCount, onMerged }: Props) {
  const api = useApi()
  const list = useRequest('individuals.list', {}, { skip: !opened })
  const [intoId, setIntoId] = useState<string | null>(null)
  const [busy, setBusy] = useState(false)
  const [error, setError] = useState<unknown>(null)
  const into = list.data?.find((i) => i.id === intoId)
  const close = () => {
    setError(null)
    setIntoId(null)
    onClose()
  }
  const merge = () => {
    if (!intoId) return
    setBusy(true)
    setError(null)
    api.request('individuals.merge', { id: individual.id, intoId }).then(
      (change) => {
        setBusy(false)
        setIntoId(null)
        onMerged(change)
      },
      (e: unknown) => {
        setBusy(false)
        setError(e)
      }
    )
  }
  return (
    <Modal opened={opened} onClose={close} title={`Merge ${individual.name}`}>
      <Stack data-testid="merge-dialog">
        <Text size="sm">
          Use this when two individuals turn out to be the same whale. All{' '}
          {formatCount(photoCount, 'photo')} of {individual.name} move to the individual you choose.{' '}
          {individual.name} stays in the history as merged, and photos can be split back later.
        </Text>
        <Select
          label="Merge into"
          placeholder="Choose an individual"
          searchable
          value={intoId}
          onChange={setIntoId}
          data={(list.data ?? [])
            .filter((i) => i.id !== individual.id)
            .map((i) => ({
              value: i.id,
              label: `${i.name} (${formatCount(i.photoCount, 'photo')})`
            }))}
          data-testid="merge-target"
        />
        {list.error && <ApiErrorAlert error={list.error} onRetry={list.reload} />}
        {error !== null && <ApiErrorAlert error={error} title="Not merged" />}
        <Group justify="flex-end">
          <Button variant="default" onClick={close}>
            Cancel
          </Button>
          <Button
            onClick={merge}
            disabled={!into}
            loading={busy}
            color="orange"
            data-testid="merge-confirm"
          >
            {into ? `Merge into ${into.name}` : 'Merge'}
          </Button>
        </Group>
      </Stack>
    </Modal>
  )
}
