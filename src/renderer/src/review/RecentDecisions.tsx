import { memo } from 'react'
import { Paper, Stack, Text } from '@mantine/core'
import type { DecisionView } from '@shared/contract'
import { formatShortTime } from '../common/format'

const VERDICTS: Record<DecisionView['verdict'], string> = {
  same: 'same as',
  different: 'not',
  unsure: 'unsure about',
  new: 'new individual'
}

// Memoised: the review screen re-renders on every key press, these rarely change.
export const RecentDecisions = memo(function RecentDecisions({
  decisions
}: {
  decisions: DecisionView[]
}) {
  if (decisions.length === 0) return null
  return (
    <Paper withBorder p="xs" data-testid="recent-decisions">
      <Text size="xs" fw={600} mb={4}>
        Latest decisions (Z undoes the newest)
      </Text>
      <Stack gap={2}>
        {decisions.map((d) => (
          <Text
            key={d.id}
            size="xs"
            c="dimmed"
            data-testid="recent-decision"
            data-verdict={d.verdict}
          >
            {formatShortTime(d.at)} · {VERDICTS[d.verdict]} {d.individualName}
          </Text>
        ))}
      </Stack>
    </Paper>
  )
})
