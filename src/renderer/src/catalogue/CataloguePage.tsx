import { Tabs, Title } from '@mantine/core'
import type { PhotoFilter } from '@shared/contract'
import { useAppInfo } from '../app/AppInfoContext'
import { formatNumber } from '../common/format'
import { ActiveJobs } from '../jobs/ActiveJobs'
import { Page } from '../layout/Shell'
import type { CatalogueTab } from '../router/routes'
import { navigate } from '../router/use-route'
import { IndividualsTab } from './IndividualsTab'
import { PhotosTab } from './PhotosTab'

export function CataloguePage({ tab, filter }: { tab: CatalogueTab; filter: PhotoFilter }) {
  const stats = useAppInfo().info.catalog?.stats
  return (
    <Page fixed>
      <Title order={2} mb="sm">
        Catalogue
      </Title>
      <ActiveJobs />
      <Tabs
        value={tab}
        onChange={(value) =>
          navigate({ page: 'catalogue', tab: value === 'individuals' ? value : 'photos', filter })
        }
        mb="md"
      >
        <Tabs.List>
          <Tabs.Tab value="photos" data-testid="tab-photos">
            Photos{stats ? ` (${formatNumber(stats.photos)})` : ''}
          </Tabs.Tab>
          <Tabs.Tab value="individuals" data-testid="tab-individuals">
            Individuals{stats ? ` (${formatNumber(stats.individuals)})` : ''}
          </Tabs.Tab>
        </Tabs.List>
      </Tabs>
      {tab === 'photos' ? <PhotosTab filter={filter} /> : <IndividualsTab />}
    </Page>
  )
}
