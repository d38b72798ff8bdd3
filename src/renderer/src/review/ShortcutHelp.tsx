import { memo } from 'react'
import { Group, Kbd, Text } from '@mantine/core'
import { SHORTCUTS, type ReviewAction } from './review-keys'

const NAVIGATION: [ReviewAction, string][] = [
  ['next-candidate', 'next candidate'],
  ['previous-candidate', 'previous candidate'],
  ['next-query', 'next photo'],
  ['previous-query', 'previous photo'],
  ['zoom-in', 'zoom in'],
  ['zoom-out', 'zoom out'],
  ['fit', 'fit'],
  ['link', 'link zoom'],
  ['overlay', 'overlay']
]

// Memoised: the review screen re-renders on every key press, these rarely change.
export const ShortcutHelp = memo(function ShortcutHelp() {
  return (
    <Group gap="md" data-testid="shortcut-help">
      {NAVIGATION.map(([action, label]) => (
        <Text key={action} size="xs" c="dimmed">
          <Kbd size="xs">{SHORTCUTS[action]}</Kbd> {label}
        </Text>
      ))}
    </Group>
  )
})
