import { Card, Stack, Text, UnstyledButton } from '@mantine/core'
import { useRequest } from '../api/use-request'
import { formatDateTime } from '../common/format'
import { FolderIcon } from '../common/icons'

const SHOWN = 6

/** The catalogues opened lately: one click opens one again. Nothing shows when there are none. */
export function RecentList({
  onOpen,
  disabled
}: {
  onOpen: (path: string) => void
  disabled: boolean
}) {
  const recent = useRequest('app.recent', {})
  const list = (recent.data ?? []).slice(0, SHOWN)
  if (list.length === 0) return null
  return (
    <Card withBorder padding="lg" data-testid="recent-catalogues">
      <Text fw={600} mb="xs">
        Recent catalogues
      </Text>
      <Stack gap={4}>
        {list.map((c) => (
          <UnstyledButton
            key={c.path}
            onClick={() => onOpen(c.path)}
            disabled={disabled}
            data-testid="recent-catalogue"
            style={{ display: 'flex', gap: 10, alignItems: 'center', padding: '4px 0' }}
          >
            <FolderIcon />
            <span style={{ minWidth: 0 }}>
              <Text size="sm" fw={500} truncate>
                {c.name}
              </Text>
              <Text size="xs" c="dimmed" truncate>
                {c.path} · opened {formatDateTime(c.openedAt)}
              </Text>
            </span>
          </UnstyledButton>
        ))}
      </Stack>
    </Card>
  )
}
