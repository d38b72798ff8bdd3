import { Badge, NavLink, Stack, Text } from '@mantine/core'
import type { CatalogStats } from '@shared/contract'
import type { ReactNode } from 'react'
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
        <PageLink
          page="catalogue"
          label="Catalogue"
          icon={<PhotosIcon />}
          active={inCatalogue}
          onClick={onNavigate}
        />
        <PageLink
          page="review"
          label="Review matches"
          icon={<ReviewIcon />}
          active={route.page === 'review'}
          onClick={onNavigate}
          badge={
            stats.unassigned > 0 && (
              <Badge size="sm" variant="light" data-testid="nav-review-count">
                {formatNumber(stats.unassigned)}
              </Badge>
            )
          }
        />
        {SIMPLE_PAGES.map(({ page, label, Icon }) => (
          <PageLink
            key={page}
            page={page}
            label={label}
            icon={<Icon />}
            active={route.page === page}
            onClick={onNavigate}
          />
        ))}
        <PageLink
          page="jobs"
          label="Jobs"
          icon={<JobsIcon />}
          active={route.page === 'jobs'}
          onClick={onNavigate}
          badge={
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

/** Pages whose link carries no count, in menu order between Review and Jobs. */
const SIMPLE_PAGES = [
  { page: 'models', label: 'Models', Icon: ModelsIcon },
  { page: 'maps', label: 'Maps', Icon: MapIcon },
  { page: 'import', label: 'Import', Icon: ImportIcon },
  { page: 'export', label: 'Export', Icon: ExportIcon }
] as const

interface PageLinkProps {
  page: string
  label: string
  icon: ReactNode
  active: boolean
  onClick?: () => void
  badge?: ReactNode
}

function PageLink({ page, label, icon, active, onClick, badge }: PageLinkProps) {
  return (
    <NavLink
      component="a"
      href={`#/${page}`}
      label={label}
      leftSection={icon}
      active={active}
      onClick={onClick}
      data-testid={`nav-${page}`}
      rightSection={badge}
    />
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
