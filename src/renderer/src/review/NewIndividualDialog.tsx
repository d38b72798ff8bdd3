import { useState } from 'react'
import { Button, Group, Modal, Stack, Text, TextInput } from '@mantine/core'

interface Props {
  opened: boolean
  onClose: () => void
  onCreate: (name: string | null) => void
}

/** Names the new individual; left empty, the catalogue generates FP-<year>-<n>. */
export function NewIndividualDialog({ opened, onClose, onCreate }: Props) {
  const [name, setName] = useState('')
  const submit = () => {
    onCreate(name.trim() || null)
    setName('')
  }
  return (
    <Modal
      opened={opened}
      onClose={onClose}
      title="New individual"
      data-testid="new-individual-dialog"
    >
      <form
        onSubmit={(event) => {
          event.preventDefault()
          submit()
        }}
      >
        <Stack>
          <Text size="sm">
            This fluke is a whale not yet in the catalogue. Give it a name, or leave the field empty
            for a generated one.
          </Text>
          <TextInput
            label="Name"
            placeholder="generated, e.g. FP-2026-001"
            value={name}
            onChange={(e) => setName(e.currentTarget.value)}
            data-autofocus
            data-testid="new-individual-name"
          />
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose}>
              Cancel
            </Button>
            <Button type="submit" data-testid="new-individual-create">
              Create
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  )
}
