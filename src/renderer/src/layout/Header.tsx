import { useState } from 'react'
import { ActionIcon, Burger, Group, Text, Title, Tooltip } from '@mantine/core'
import type { CatalogSummary } from '@shared/contract'
import { errorMessage } from '../api/api-error'
import { useApi } from '../api/ApiContext'
import { useAppInfo } from '../app/AppInfoContext'
import { CloseCatalogueIcon, FlukeIcon } from '../common/icons'
import { ThemeToggle } from './ThemeToggle'

interface Props {
  catalog: CatalogSummary | null
  navOpened?: boolean
  onToggleNav?: () => void
}

export function Header({ catalog, navOpened, onToggleNav }: Props) {
  return (
    <Group h="100%" px="md" gap="md" wrap="nowrap" justify="space-between">
      <Group gap="sm" wrap="nowrap" style={{ minWidth: 0 }}>
        {onToggleNav && (
          <Burger opened={navOpened} onClick={onToggleNav} hiddenFrom="sm" size="sm" />
        )}
        <Group gap={6} wrap="nowrap" c="var(--mantine-primary-color-filled)">
          <FlukeIcon size={26} />
          <Title order={1} size="h4" c="var(--mantine-color-text)">
            Flukeprint
          </Title>
        </Group>
        {catalog && (
          <Tooltip label={catalog.path} openDelay={400} multiline maw={480}>
            <Text
              size="sm"
              c="dimmed"
              ff="monospace"
              truncate="start"
              data-testid="catalog-path"
              style={{ minWidth: 0 }}
            >
              {/* Start-truncation flips the direction; the marks keep a path's slashes in place. */}
              {`\u200e${catalog.path}\u200e`}
            </Text>
          </Tooltip>
        )}
      </Group>
      <Group gap="xs" wrap="nowrap">
        {catalog && <CloseCatalogue />}
        <ThemeToggle />
      </Group>
    </Group>
  )
}

function CloseCatalogue() {
  const api = useApi()
  const { reload } = useAppInfo()
  const [error, setError] = useState<string | null>(null)
  const label = error ?? 'Close this catalogue'
  return (
    <Tooltip label={label} color={error ? 'red' : undefined}>
      <ActionIcon
        variant="default"
        size="lg"
        aria-label="Close this catalogue"
        data-testid="close-catalog"
        onClick={() => {
          api.request('catalog.close', {}).then(reload, (e: unknown) => setError(errorMessage(e)))
        }}
      >
        <CloseCatalogueIcon />
      </ActionIcon>
    </Tooltip>
  )
}
