import { Button, Group, Kbd, Tooltip } from '@mantine/core'
import { SHORTCUTS, type ReviewAction } from './review-keys'

interface Props {
  onAction: (action: ReviewAction) => void
  hasCandidate: boolean
  busy: boolean
}

const DECISIONS: { action: ReviewAction; label: string; color: string; needsCandidate: boolean }[] =
  [
    { action: 'same', label: 'Same whale', color: 'teal', needsCandidate: true },
    { action: 'different', label: 'Different', color: 'red', needsCandidate: true },
    { action: 'unsure', label: 'Unsure', color: 'gray', needsCandidate: true },
    { action: 'new', label: 'New individual', color: 'orange', needsCandidate: false }
  ]

/** The decisions, each with its key; skip and undo beside them. */
export function DecisionBar({ onAction, hasCandidate, busy }: Props) {
  return (
    <Group gap="xs" data-testid="decision-bar">
      {DECISIONS.map(({ action, label, color, needsCandidate }) => (
        <Button
          key={action}
          color={color}
          variant={action === 'same' ? 'filled' : 'light'}
          disabled={busy || (needsCandidate && !hasCandidate)}
          onClick={() => onAction(action)}
          rightSection={<Kbd size="xs">{SHORTCUTS[action]}</Kbd>}
          data-testid={`decide-${action}`}
        >
          {label}
        </Button>
      ))}
      <Tooltip label="The photo comes back at the end of the queue">
        <Button
          variant="default"
          onClick={() => onAction('skip')}
          rightSection={<Kbd size="xs">{SHORTCUTS.skip}</Kbd>}
          data-testid="skip"
        >
          Skip
        </Button>
      </Tooltip>
      <Button
        variant="subtle"
        onClick={() => onAction('undo')}
        rightSection={<Kbd size="xs">{SHORTCUTS.undo}</Kbd>}
        data-testid="undo"
      >
        Undo
      </Button>
    </Group>
  )
}
