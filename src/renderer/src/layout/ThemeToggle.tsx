import { ActionIcon, Tooltip, useComputedColorScheme, useMantineColorScheme } from '@mantine/core'
import { MoonIcon, SunIcon } from '../common/icons'

export function ThemeToggle() {
  const { setColorScheme } = useMantineColorScheme()
  // "auto" resolves to what the system prefers; the toggle always flips what is on screen.
  const shown = useComputedColorScheme('light', { getInitialValueInEffect: false })
  const next = shown === 'dark' ? 'light' : 'dark'
  return (
    <Tooltip label={`Switch to ${next} theme`}>
      <ActionIcon
        data-testid="theme-toggle"
        variant="default"
        size="lg"
        aria-label={`Switch to ${next} theme`}
        onClick={() => setColorScheme(next)}
      >
        {shown === 'dark' ? <SunIcon /> : <MoonIcon />}
      </ActionIcon>
    </Tooltip>
  )
}
