import type { ReactNode } from 'react'
import { AppShell, Box } from '@mantine/core'
import { useDisclosure } from '@mantine/hooks'
import type { CatalogSummary } from '@shared/contract'
import type { Route } from '../router/routes'
import { Header } from './Header'
import { NavBar } from './NavBar'
import classes from './Shell.module.css'

interface Props {
  catalog: CatalogSummary | null
  route: Route
  children: ReactNode
}

/** Header always; the navbar only once a catalogue is open, since every page needs one. */
export function Shell({ catalog, route, children }: Props) {
  const [opened, { toggle, close }] = useDisclosure(false)
  return (
    <AppShell
      header={{ height: 56 }}
      navbar={
        catalog
          ? { width: 220, breakpoint: 'sm', collapsed: { mobile: !opened } }
          : { width: 0, breakpoint: 'sm', collapsed: { mobile: true, desktop: true } }
      }
      padding={0}
    >
      <AppShell.Header>
        <Header catalog={catalog} navOpened={opened} onToggleNav={catalog ? toggle : undefined} />
      </AppShell.Header>
      {catalog && (
        <AppShell.Navbar p="xs">
          <NavBar route={route} stats={catalog.stats} onNavigate={close} />
        </AppShell.Navbar>
      )}
      <AppShell.Main className={classes.main}>{children}</AppShell.Main>
    </AppShell>
  )
}

/** A page's area: scrolls by itself unless `fixed`, where the page lays out its own scroller. */
export function Page({ children, fixed = false }: { children: ReactNode; fixed?: boolean }) {
  return (
    <Box className={classes.page} data-fixed={fixed || undefined}>
      {children}
    </Box>
  )
}
