import { useState } from 'react'
import {
  Button,
  Checkbox,
  Group,
  Modal,
  ScrollArea,
  SegmentedControl,
  Select,
  SimpleGrid,
  Stack,
  Text,
  TextInput
} from '@mantine/core'
import type { ChangeView, IndividualDetail, SplitTarget } from '@shared/contract'
import { useApi } from '../api/ApiContext'
import { useRequest } from '../api/use-request'
import { ApiErrorAlert } from '../common/ApiErrorAlert'
import { Thumb } from '../common/Thumb'
import { formatCount } from '../common/format'

interface Props {
  opened: boolean
  onClose: () => void
  detail: IndividualDetail
  onSplit: (change: ChangeView) => void
}

/** Chooses flukes of this individual and moves them to a new or an existing individual. */
export function SplitDialog({ opened, onClose, detail, onSplit }: Props) {
  const api = useApi()
  const self = detail.individual
  const list = useRequest('individuals.list', {}, { skip: !opened })
  const [chosen, setChosen] = useState<string[]>([])
  const [mode, setMode] = useState<'new' | 'existing'>('new')
  const [name, setName] = useState('')
  const [targetId, setTargetId] = useState<string | null>(null)
  const [busy, setBusy] = useState(false)
  const [error, setError] = useState<unknown>(null)
  const targets = splitTargets(detail, list.data ?? [])
  const close = () => {
    setError(null)
    setChosen([])
    onClose()
  }
  const into: SplitTarget | null =
    mode === 'new' ? { newName: name.trim() || null } : targetId ? { individualId: targetId } : null
  const split = () => {
    if (!into || chosen.length === 0) return
    setBusy(true)
    setError(null)
    api.request('individuals.split', { id: self.id, annotationIds: chosen, into }).then(
      (change) => {
        setBusy(false)
        setChosen([])
        setName('')
        onSplit(change)
      },
      (e: unknown) => {
        setBusy(false)
        setError(e)
      }
    )
  }
  return (
    <Modal opened={opened} onClose={close} title={`Split ${self.name}`} size="xl">
      <Stack data-testid="split-dialog">
        <Text size="sm">
          Choose the flukes that belong to another whale. They move to the individual below; the
          history keeps where they were.
        </Text>
        <ScrollArea.Autosize mah="45vh">
          <Checkbox.Group value={chosen} onChange={setChosen}>
            <SimpleGrid cols={{ base: 2, sm: 4 }} spacing="xs">
              {detail.annotations.map((a) => (
                <Checkbox.Card
                  key={a.annotationId}
                  value={a.annotationId}
                  p="xs"
                  radius="sm"
                  data-testid="split-choice"
                >
                  <Group gap="xs" wrap="nowrap" align="flex-start">
                    <Checkbox.Indicator />
                    <Stack gap={4} style={{ minWidth: 0 }}>
                      <Thumb photoId={a.annotationId} kind="crop" alt={a.fileName} height={64} />
                      <Text size="xs" truncate>
                        {a.fileName}
                      </Text>
                    </Stack>
                  </Group>
                </Checkbox.Card>
              ))}
            </SimpleGrid>
          </Checkbox.Group>
        </ScrollArea.Autosize>
        <SegmentedControl
          value={mode}
          onChange={(v) => setMode(v === 'existing' ? 'existing' : 'new')}
          data={[
            { value: 'new', label: 'To a new individual' },
            { value: 'existing', label: 'To an existing one' }
          ]}
          data-testid="split-mode"
        />
        {mode === 'new' ? (
          <TextInput
            label="Name of the new individual"
            placeholder="generated, e.g. FP-2026-001"
            value={name}
            onChange={(e) => setName(e.currentTarget.value)}
            data-testid="split-new-name"
          />
        ) : (
          <Select
            label="Move to"
            placeholder="Choose an individual"
            searchable
            value={targetId}
            onChange={setTargetId}
            data={targets}
            data-testid="split-target"
          />
        )}
        {error !== null && <ApiErrorAlert error={error} title="Not split" />}
        <Group justify="flex-end">
          <Button variant="default" onClick={close}>
            Cancel
          </Button>
          <Button
            onClick={split}
            disabled={!into || chosen.length === 0}
            loading={busy}
            data-testid="split-confirm"
          >
            {chosen.length > 0 ? `Move ${formatCount(chosen.length, 'fluke')}` : 'Move'}
          </Button>
        </Group>
      </Stack>
    </Modal>
  )
}

/** Every other individual, and those merged into this one (splitting to them brings them back). */
function splitTargets(detail: IndividualDetail, all: { id: string; name: string }[]) {
  const self = detail.individual.id
  const options = new Map(all.filter((i) => i.id !== self).map((i) => [i.id, i.name]))
  for (const change of detail.changes) {
    if (change.kind === 'merge' && change.toId === self && change.fromId && change.from) {
      options.set(change.fromId, `${change.from} (merged here earlier)`)
    }
  }
  return [...options].map(([value, label]) => ({ value, label }))
}
