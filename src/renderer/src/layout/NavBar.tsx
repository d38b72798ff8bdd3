import { Badge, NavLink, Stack, Text } from '@mantine/core'
import type { CatalogStats } from '@shared/contract'
import { useJobs } from '../api/JobsProvider'
import { isActive } from '../api/merge-jobs'
import { formatNumber } from '../common/format'
import {
  ExportIcon,
  ImportIcon,
  MapIcon,
  JobsIcon,
  ModelsIcon,
  PhotosIcon,
  ReviewIcon
} from '../common/icons'
import type { Route } from '../router/routes'
import { EngineStatus } from './EngineStatus'

interface Props {
  route: Route
  stats: CatalogStats
  onNavigate?: () => void
}

export function NavBar({ route, stats, onNavigate }: Props) {
  const { jobs } = useJobs()
  const running = jobs.filter(isActive).length
  const inCatalogue =
    route.page === 'catalogue' || route.page === 'photo' || route.page === 'individual'
  return (
    <Stack justify="space-between" h="100%" gap="md">
      <Stack gap={4}>
        <NavLink
          component="a"
          href="#/catalogue"
          label="Catalogue"
          leftSection={<PhotosIcon />}
          active={inCatalogue}
          onClick={onNavigate}
          data-testid="nav-catalogue"
        />
        <NavLink
          component="a"
          href="#/review"
          label="Review matches"
          leftSection={<ReviewIcon />}
          active={route.page === 'review'}
          onClick={onNavigate}
          data-testid="nav-review"
          rightSection={
            stats.unassigned > 0 && (
              <Badge size="sm" variant="light" data-testid="nav-review-count">
                {formatNumber(stats.unassigned)}
              </Badge>
            )
          }
        />
        <NavLink
          component="a"
          href="#/models"
          label="Models"
          leftSection={<ModelsIcon />}
          active={route.page === 'models'}
          onClick={onNavigate}
          data-testid="nav-models"
        />
        <NavLink
          component="a"
          href="#/maps"
          label="Maps"
          leftSection={<MapIcon />}
          active={route.page === 'maps'}
          onClick={onNavigate}
          data-testid="nav-maps"
        />
        <NavLink
          component="a"
          href="#/import"
          label="Import"
          leftSection={<ImportIcon />}
          active={route.page === 'import'}
          onClick={onNavigate}
          data-testid="nav-import"
        />
        <NavLink
          component="a"
          href="#/export"
          label="Export"
          leftSection={<ExportIcon />}
          active={route.page === 'export'}
          onClick={onNavigate}
          data-testid="nav-export"
        />
        <NavLink
          component="a"
          href="#/jobs"
          label="Jobs"
          leftSection={<JobsIcon />}
          active={route.page === 'jobs'}
          onClick={onNavigate}
          data-testid="nav-jobs"
          rightSection={
            running > 0 && (
              <Badge size="sm" circle data-testid="running-jobs">
                {running}
              </Badge>
            )
          }
        />
      </Stack>
      <Stack gap={2} px="sm" pb="xs">
        <Stat label="Photos" value={stats.photos} />
        <Stat label="Individuals" value={stats.individuals} />
        <Stat label="Fluke annotations" value={stats.annotations} />
        <Stat label="Unassigned" value={stats.unassigned} />
        <EngineStatus />
      </Stack>
    </Stack>
  )
}

function Stat({ label, value }: { label: string; value: number }) {
  return (
    <Text size="xs" c="dimmed" style={{ display: 'flex', justifyContent: 'space-between' }}>
      <span>{label}</span>
      <span style={{ fontVariantNumeric: 'tabular-nums' }}>{formatNumber(value)}</span>
    </Text>
  )
}
