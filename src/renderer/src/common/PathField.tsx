import { useState } from 'react'
import { Button, Group, Stack, Text, TextInput } from '@mantine/core'
import type { Args } from '@shared/contract'
import { errorMessage } from '../api/api-error'
import { useApi } from '../api/ApiContext'
import { FolderIcon } from './icons'

interface Props {
  label: string
  value: string
  onChange: (value: string) => void
  testId: string
  /** Offers "Browse…" with the native dialog when the host has one. */
  pick: Args<'dialog.pick'>
  nativeDialogs: boolean
  description?: string
  placeholder?: string
  disabled?: boolean
  onSubmit?: () => void
}

/** A path typed by hand (the browser can't see the disk) or picked natively in Electron. */
export function PathField(props: Props) {
  const { label, value, onChange, testId, pick, nativeDialogs, onSubmit, ...rest } = props
  const api = useApi()
  const [picking, setPicking] = useState(false)
  const [pickError, setPickError] = useState<string | null>(null)

  async function browse() {
    setPicking(true)
    setPickError(null)
    try {
      const { path } = await api.request('dialog.pick', pick)
      if (path !== null) onChange(path)
    } catch (error) {
      setPickError(errorMessage(error))
    } finally {
      setPicking(false)
    }
  }

  return (
    <Stack gap={4}>
      <Group align="flex-end" gap="xs" wrap="nowrap">
        <TextInput
          {...rest}
          label={label}
          value={value}
          onChange={(event) => onChange(event.currentTarget.value)}
          onKeyDown={(event) => {
            if (event.key === 'Enter' && onSubmit) onSubmit()
          }}
          data-testid={testId}
          spellCheck={false}
          autoComplete="off"
          styles={{ input: { fontFamily: 'var(--mantine-font-family-monospace)' } }}
          style={{ flex: 1 }}
        />
        {nativeDialogs && (
          <Button
            variant="default"
            leftSection={<FolderIcon size={16} />}
            loading={picking}
            disabled={rest.disabled}
            onClick={() => void browse()}
          >
            Browse…
          </Button>
        )}
      </Group>
      {pickError && (
        <Text size="xs" c="red">
          {pickError}
        </Text>
      )}
    </Stack>
  )
}
