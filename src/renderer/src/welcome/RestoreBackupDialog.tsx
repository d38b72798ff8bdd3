import { useState } from 'react'
import { Alert, Button, Code, Group, Modal, Stack, Table, Text } from '@mantine/core'
import type { CatalogRecovery } from '@shared/contract'
import { useApi } from '../api/ApiContext'
import { ApiErrorAlert } from '../common/ApiErrorAlert'
import { formatDateTime } from '../common/format'

interface Props {
  recovery: CatalogRecovery | null
  onClose: () => void
  /** Called once the backup is in place and the catalogue is open. */
  onRestored: (damagedKeptAs: string) => void
}

/**
 * A catalogue whose file cannot be read: what is wrong, and the newest backup that is good.
 * Restoring is the user's choice; the damaged file is kept beside the catalogue, renamed.
 */
export function RestoreBackupDialog({ recovery, onClose, onRestored }: Props) {
  const api = useApi()
  const [busy, setBusy] = useState(false)
  const [error, setError] = useState<unknown>(null)
  const backup = recovery?.backup ?? null

  async function restore() {
    if (!recovery || !backup) return
    setBusy(true)
    setError(null)
    try {
      const restored = await api.request('catalog.restoreBackup', {
        path: recovery.path,
        backup: backup.name
      })
      onRestored(restored.damagedKeptAs)
    } catch (failure) {
      setError(failure)
    } finally {
      setBusy(false)
    }
  }

  return (
    <Modal
      opened={recovery !== null}
      onClose={onClose}
      title="This catalogue cannot be opened"
      size="lg"
      data-testid="restore-dialog"
    >
      {recovery && (
        <Stack>
          <Alert color="red" variant="light" title="The catalogue file is damaged">
            <Text size="sm" style={{ overflowWrap: 'anywhere' }} data-testid="restore-reason">
              <Code>{recovery.file}</Code>: {recovery.reason}
            </Text>
          </Alert>
          {backup ? (
            <>
              <Text size="sm">
                The newest good backup was taken on{' '}
                <b data-testid="restore-backup-date">{formatDateTime(backup.takenAt)}</b>. It holds:
              </Text>
              <Table withTableBorder data-testid="restore-backup-counts">
                <Table.Tbody>
                  <Table.Tr>
                    <Table.Td>Photos</Table.Td>
                    <Table.Td>{backup.stats.photos}</Table.Td>
                  </Table.Tr>
                  <Table.Tr>
                    <Table.Td>Individuals</Table.Td>
                    <Table.Td>{backup.stats.individuals}</Table.Td>
                  </Table.Tr>
                  <Table.Tr>
                    <Table.Td>Flukes waiting for review</Table.Td>
                    <Table.Td>{backup.stats.unassigned}</Table.Td>
                  </Table.Tr>
                </Table.Tbody>
              </Table>
              <Text size="sm" c="dimmed">
                Work done after the backup is not in it. Restoring keeps the damaged file in the
                catalogue folder, renamed to catalog.damaged-…json, so nothing is deleted.
              </Text>
            </>
          ) : (
            <Text size="sm">
              No good backup was found in the catalogue&apos;s backups folder. Nothing was changed.
            </Text>
          )}
          {error !== null && <ApiErrorAlert error={error} title="The backup was not restored" />}
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose} data-testid="restore-cancel">
              Cancel
            </Button>
            {backup && (
              <Button
                color="orange"
                loading={busy}
                onClick={() => void restore()}
                data-testid="restore-confirm"
              >
                Restore this backup
              </Button>
            )}
          </Group>
        </Stack>
      )}
    </Modal>
  )
}
