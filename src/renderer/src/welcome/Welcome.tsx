import { useState } from 'react'
import {
  Button,
  Card,
  Container,
  Divider,
  Group,
  Stack,
  Text,
  ThemeIcon,
  Title
} from '@mantine/core'
import type { AppInfo, CatalogRecovery } from '@shared/contract'
import { useApi } from '../api/ApiContext'
import { useJobs } from '../api/JobsProvider'
import { useAppInfo } from '../app/AppInfoContext'
import { ApiErrorAlert } from '../common/ApiErrorAlert'
import { FlukeIcon } from '../common/icons'
import { PathField } from '../common/PathField'
import { Page } from '../layout/Shell'
import { RecentList } from './RecentList'
import { navigate } from '../router/use-route'
import { RestoreBackupDialog } from './RestoreBackupDialog'

type Action = 'create' | 'open' | 'demo'

const FAILED: Record<Action, string> = {
  create: 'The catalogue could not be created',
  open: 'The catalogue could not be opened',
  demo: 'The demo catalogue could not be made'
}

/** No catalogue open: explain the app and offer the three ways in. */
export function Welcome({ info }: { info: AppInfo }) {
  const api = useApi()
  const { reload } = useAppInfo()
  const jobs = useJobs()
  const [path, setPath] = useState(info.defaultCatalogPath)
  const [busy, setBusy] = useState<Action | null>(null)
  const [failure, setFailure] = useState<{ action: Action; error: unknown } | null>(null)
  const [recovery, setRecovery] = useState<CatalogRecovery | null>(null)

  /** A damaged catalogue file gets the restore dialog on top of the error. */
  async function offerRecovery(folder: string) {
    try {
      setRecovery(await api.request('catalog.recovery', { path: folder }))
    } catch {
      // The error shown already says what is wrong; the dialog is a convenience.
    }
  }

  function opened() {
    navigate({ page: 'catalogue', tab: 'photos', filter: {} })
    reload()
  }

  async function run(action: Action, chosen = path) {
    setBusy(action)
    setFailure(null)
    try {
      if (action === 'demo') {
        await api.request('catalog.openDemo', { path: info.defaultDemoPath })
        // The demo fills in the background; the catalogue shows its photos as they arrive.
        jobs.reload()
        navigate({ page: 'catalogue', tab: 'photos', filter: {} })
      } else {
        await api.request('catalog.open', { path: chosen.trim(), create: action === 'create' })
        navigate({ page: 'catalogue', tab: 'photos', filter: {} })
      }
      reload()
    } catch (error) {
      setFailure({ action, error })
      // Asked whatever the error: the answer is null unless the catalogue's file is damaged.
      if (action === 'open') await offerRecovery(path.trim())
    } finally {
      setBusy(null)
    }
  }

  const noPath = path.trim() === ''
  return (
    <Page>
      <Container size={620} py={32} data-testid="welcome">
        <Stack gap="xl">
          <Stack gap="xs" align="center" ta="center">
            <ThemeIcon size={64} radius="xl" variant="light">
              <FlukeIcon size={40} />
            </ThemeIcon>
            <Title order={2}>Welcome to Flukeprint</Title>
            <Text c="dimmed" maw={520}>
              Flukeprint helps you recognise individual humpback whales from photos of their tail
              flukes. It keeps a catalogue of your photos, sightings and known individuals on this
              computer and works entirely offline; your original files are never moved or changed.
            </Text>
          </Stack>

          <RestoreBackupDialog
            recovery={recovery}
            onClose={() => setRecovery(null)}
            onRestored={() => {
              setRecovery(null)
              setFailure(null)
              opened()
            }}
          />

          {failure && (
            <ApiErrorAlert
              error={failure.error}
              title={FAILED[failure.action]}
              onClose={() => setFailure(null)}
            />
          )}

          <Card withBorder padding="lg">
            <Group justify="space-between" wrap="nowrap" gap="lg">
              <Stack gap={4}>
                <Text fw={600}>New here? Start with the demo</Text>
                <Text size="sm" c="dimmed">
                  Opens a ready-made catalogue of sample fluke photos to explore.
                </Text>
              </Stack>
              <Button
                size="md"
                variant="gradient"
                gradient={{ from: 'cyan.7', to: 'indigo.6', deg: 120 }}
                loading={busy === 'demo'}
                disabled={busy !== null && busy !== 'demo'}
                onClick={() => void run('demo')}
                data-testid="try-demo"
                style={{ flexShrink: 0 }}
              >
                Try the demo catalogue
              </Button>
            </Group>
          </Card>

          <Divider label="or use your own catalogue" labelPosition="center" />

          <Card withBorder padding="lg">
            <Stack gap="md">
              <PathField
                label="Catalogue folder"
                description="A catalogue is a folder holding Flukeprint's records and thumbnails. Create a new one, or open one you made before."
                value={path}
                onChange={setPath}
                testId="catalog-path-input"
                pick={{ kind: 'folder', title: 'Choose a catalogue folder' }}
                nativeDialogs={info.nativeDialogs}
                disabled={busy !== null}
                onSubmit={() => {
                  if (!noPath && busy === null) void run('open')
                }}
              />
              <Group justify="flex-end" gap="sm">
                <Button
                  variant="default"
                  loading={busy === 'open'}
                  disabled={noPath || (busy !== null && busy !== 'open')}
                  onClick={() => void run('open')}
                  data-testid="open-catalog"
                >
                  Open catalogue
                </Button>
                <Button
                  loading={busy === 'create'}
                  disabled={noPath || (busy !== null && busy !== 'create')}
                  onClick={() => void run('create')}
                  data-testid="create-catalog"
                >
                  Create catalogue
                </Button>
              </Group>
            </Stack>
          </Card>

          <RecentList
            disabled={busy !== null}
            onOpen={(recentPath) => {
              setPath(recentPath)
              void run('open', recentPath)
            }}
          />
        </Stack>
      </Container>
    </Page>
  )
}
