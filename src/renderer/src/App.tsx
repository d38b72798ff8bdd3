import { Center, Loader, MantineProvider } from '@mantine/core'
import type { AppApi } from '@shared/contract'
import { ApiProvider } from './api/ApiContext'
import { JobsProvider } from './api/JobsProvider'
import { useCatalogChanged, useEvent } from './api/use-event'
import { useRequest } from './api/use-request'
import { AppInfoProvider } from './app/AppInfoContext'
import { Pages } from './app/Pages'
import { ApiErrorAlert } from './common/ApiErrorAlert'
import { Shell } from './layout/Shell'
import { useRoute } from './router/use-route'
import { colorSchemeManager, theme } from './theme'
import { Welcome } from './welcome/Welcome'
import { FolderDrop } from './desktop/FolderDrop'
import { JobNotices } from './desktop/JobNotices'

export function App({ api }: { api: AppApi }) {
  return (
    <MantineProvider
      theme={theme}
      colorSchemeManager={colorSchemeManager}
      defaultColorScheme="auto"
    >
      <ApiProvider api={api}>
        <JobsProvider>
          <Root />
        </JobsProvider>
      </ApiProvider>
    </MantineProvider>
  )
}

function Root() {
  const route = useRoute()
  const { data: info, error, reload } = useRequest('app.info', {})
  // The header's path and the navbar's counts follow the catalogue as it fills.
  useCatalogChanged(reload, 1000)
  // The desktop menu's Import Folder… and Open Catalogue… show their page here.
  useEvent('app.navigate', ({ hash }) => {
    if (hash.startsWith('#/')) window.location.hash = hash
    reload()
  })

  if (!info) {
    return (
      <Shell catalog={null} route={route}>
        <Center h="100%" p="xl">
          {error ? (
            <ApiErrorAlert error={error} title="Flukeprint could not start" onRetry={reload} />
          ) : (
            <Loader aria-label="Loading" />
          )}
        </Center>
      </Shell>
    )
  }

  return (
    <AppInfoProvider value={{ info, reload }}>
      <Shell catalog={info.catalog} route={route}>
        {info.catalog ? <Pages route={route} /> : <Welcome info={info} />}
      </Shell>
      {info.catalog && <FolderDrop />}
      <JobNotices />
    </AppInfoProvider>
  )
}
