import { ActionIcon, CopyButton, Group, Text, Tooltip } from '@mantine/core'

/** The original file's path, copyable: people paste it into their file manager or R scripts. */
export function CopyPath({ path }: { path: string }) {
  return (
    <Group gap={4} wrap="nowrap" align="flex-start">
      <Text ff="monospace" fz="xs" style={{ overflowWrap: 'anywhere', flex: 1 }}>
        {path}
      </Text>
      <CopyButton value={path}>
        {({ copied, copy }) => (
          <Tooltip label={copied ? 'Copied' : 'Copy path'}>
            <ActionIcon
              variant="subtle"
              size="sm"
              color={copied ? 'teal' : 'gray'}
              onClick={copy}
              aria-label="Copy path"
            >
              <svg
                width={14}
                height={14}
                viewBox="0 0 24 24"
                fill="none"
                stroke="currentColor"
                strokeWidth={2}
                aria-hidden="true"
              >
                <rect x="8" y="8" width="12" height="12" rx="2" />
                <path d="M16 8V6a2 2 0 0 0-2-2H6a2 2 0 0 0-2 2v8a2 2 0 0 0 2 2h2" />
              </svg>
            </ActionIcon>
          </Tooltip>
        )}
      </CopyButton>
    </Group>
  )
}
