import { Alert, Button, Group, Text } from '@mantine/core'
import { ApiError, errorMessage } from '../api/api-error'

interface Props {
  error: unknown
  title?: string
  onRetry?: () => void
  onClose?: () => void
}

/** Every error the core reports reaches the user here, in its own words. */
export function ApiErrorAlert({ error, title = 'Something went wrong', onRetry, onClose }: Props) {
  const code = error instanceof ApiError ? error.code : null
  return (
    <Alert
      data-testid="api-error"
      color="red"
      variant="light"
      title={title}
      withCloseButton={Boolean(onClose)}
      onClose={onClose}
      role="alert"
    >
      <Text size="sm" style={{ whiteSpace: 'pre-wrap', overflowWrap: 'anywhere' }}>
        {errorMessage(error)}
      </Text>
      {(onRetry || code) && (
        <Group justify="space-between" mt="xs">
          {code ? (
            <Text size="xs" c="dimmed" ff="monospace">
              {code}
            </Text>
          ) : (
            <span />
          )}
          {onRetry && (
            <Button size="xs" variant="light" color="red" onClick={onRetry}>
              Try again
            </Button>
          )}
        </Group>
      )}
    </Alert>
  )
}
