import { ActionIcon, Button, Group, Stack, Text, TextInput } from '@mantine/core'
import type { Occasion } from '@shared/contract'

interface Props {
  occasions: Occasion[]
  onChange: (occasions: Occasion[]) => void
}

/** Sampling occasions as date ranges, in order; the core checks they do not overlap. */
export function OccasionsEditor({ occasions, onChange }: Props) {
  const set = (i: number, change: Partial<Occasion>) =>
    onChange(occasions.map((o, j) => (j === i ? { ...o, ...change } : o)))
  return (
    <Stack gap="xs" data-testid="occasions">
      <Text size="sm" fw={500}>
        Sampling occasions
      </Text>
      <Text size="xs" c="dimmed">
        One column of the capture history each: an individual photographed on any day from the first
        date to the last (both included) gets a 1. Dates are YYYY-MM-DD.
      </Text>
      {occasions.map((occasion, i) => (
        <Group key={i} gap="xs" wrap="nowrap" data-testid="occasion">
          <TextInput
            aria-label={`Occasion ${i + 1} label`}
            placeholder={`Occasion ${i + 1}`}
            value={occasion.label}
            onChange={(e) => set(i, { label: e.currentTarget.value })}
            w={160}
          />
          <TextInput
            aria-label={`Occasion ${i + 1} from`}
            placeholder="2024-06-01"
            value={occasion.from}
            onChange={(e) => set(i, { from: e.currentTarget.value.trim() })}
            w={130}
          />
          <Text size="sm">to</Text>
          <TextInput
            aria-label={`Occasion ${i + 1} to`}
            placeholder="2024-10-15"
            value={occasion.to}
            onChange={(e) => set(i, { to: e.currentTarget.value.trim() })}
            w={130}
          />
          <ActionIcon
            variant="subtle"
            color="gray"
            aria-label={`Remove occasion ${i + 1}`}
            onClick={() => onChange(occasions.filter((_, j) => j !== i))}
          >
            ×
          </ActionIcon>
        </Group>
      ))}
      <Group>
        <Button
          variant="default"
          size="xs"
          onClick={() => onChange([...occasions, { label: '', from: '', to: '' }])}
          data-testid="add-occasion"
        >
          Add an occasion
        </Button>
      </Group>
    </Stack>
  )
}
