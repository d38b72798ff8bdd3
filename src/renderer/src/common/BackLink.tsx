import { Anchor, Group } from '@mantine/core'
import { formatHash, type Route } from '../router/routes'
import { goBack } from '../router/use-route'
import { ArrowLeftIcon } from './icons'

/** Back to where the user came from (keeping filters and scroll), else to `fallback`. */
export function BackLink({ fallback, label = 'Back' }: { fallback: Route; label?: string }) {
  return (
    <Anchor
      href={formatHash(fallback)}
      size="sm"
      c="dimmed"
      onClick={(event) => {
        event.preventDefault()
        goBack(fallback)
      }}
      data-testid="back-link"
    >
      <Group gap={4} component="span">
        <ArrowLeftIcon size={16} />
        {label}
      </Group>
    </Anchor>
  )
}
