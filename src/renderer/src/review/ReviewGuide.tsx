import { Alert, Anchor, Button, Group, List, Stack, Text } from '@mantine/core'

/** What to do when there is no model yet: never an empty screen without a next step. */
export function NoModelGuide({ onBuiltIn, busy }: { onBuiltIn: () => void; busy: boolean }) {
  return (
    <Alert color="blue" title="No model to suggest matches yet" data-testid="no-model">
      <Stack gap="xs">
        <List size="sm" type="ordered">
          <List.Item>
            <Anchor href="#/import">Import</Anchor> your photos, and a labelled catalogue
            (train.csv) if you have one.
          </List.Item>
          <List.Item>
            Start with the built-in model: it already tells flukes apart fairly well.
          </List.Item>
          <List.Item>
            Confirm some matches here, then press Retrain on the{' '}
            <Anchor href="#/models">Models</Anchor> page to teach it your whales.
          </List.Item>
        </List>
        <Group>
          <Button onClick={onBuiltIn} loading={busy} data-testid="review-use-built-in">
            Use the built-in model
          </Button>
        </Group>
      </Stack>
    </Alert>
  )
}

export function NothingToReview({ total }: { total: number }) {
  return (
    <Alert color="teal" title="Nothing to review" data-testid="nothing-to-review">
      <Text size="sm">
        {total === 0
          ? 'Every fluke in the catalogue has an individual. Import a new survey to review its photos.'
          : 'No waiting photo matches the filter; clear it to see the other ' + total + '.'}
      </Text>
      <Anchor href="#/import" size="sm">
        Import photos
      </Anchor>
    </Alert>
  )
}
