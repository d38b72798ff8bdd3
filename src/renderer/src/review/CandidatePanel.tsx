import { Badge, Button, Group, Paper, Stack, Text, UnstyledButton } from '@mantine/core'
import type { Candidate, CandidateList } from '@shared/contract'
import { useApi } from '../api/ApiContext'
import { formatDay, formatLatLon } from '../common/format'
import classes from './CandidatePanel.module.css'

interface Props {
  list: CandidateList
  selected: number
  onSelect: (index: number) => void
  onMore: () => void
}

/** The ranking: each known whale with its score and best image; new_whale where it falls. */
export function CandidatePanel({ list, selected, onSelect, onMore }: Props) {
  const api = useApi()
  const rows = list.candidates.flatMap((candidate, index) => [
    ...(list.newWhaleAt === index ? [<NewWhaleRow key="new" threshold={list.threshold} />] : []),
    <UnstyledButton
      key={candidate.individualId}
      className={classes.row}
      data-selected={index === selected || undefined}
      data-testid="candidate"
      data-individual={candidate.name}
      onClick={() => onSelect(index)}
    >
      <Group gap="sm" wrap="nowrap" align="flex-start">
        <img
          className={classes.thumb}
          src={api.imageUrl('crop', candidate.annotationId)}
          alt=""
          loading="lazy"
        />
        <CandidateText candidate={candidate} />
      </Group>
    </UnstyledButton>
  ])
  if (list.newWhaleAt === list.candidates.length)
    rows.push(<NewWhaleRow key="new" threshold={list.threshold} />)
  return (
    <Stack gap={4} data-testid="candidates" data-query={list.annotationId}>
      {rows}
      {list.candidates.length === 0 && (
        <Text size="sm" c="dimmed">
          No known individual left to suggest
          {list.rejected > 0 ? ` (${list.rejected} rejected)` : ''}: this may be a new individual
          (N).
        </Text>
      )}
      <Group justify="space-between">
        <Text size="xs" c="dimmed">
          {list.rejected > 0 && `${list.rejected} rejected for this photo, not shown`}
        </Text>
        <Button size="compact-xs" variant="subtle" onClick={onMore} data-testid="more-candidates">
          Show more
        </Button>
      </Group>
    </Stack>
  )
}

function CandidateText({ candidate }: { candidate: Candidate }) {
  const place = candidate.place ? formatLatLon(candidate.place.lat, candidate.place.lon) : null
  return (
    <div style={{ minWidth: 0 }}>
      <Group gap={6} wrap="nowrap">
        <Text size="sm" c="dimmed" w={22}>
          {candidate.rank}.
        </Text>
        <Text fw={600} size="sm" truncate="end">
          {candidate.name}
        </Text>
        <Badge size="sm" variant="light" data-testid="candidate-score">
          {candidate.score.toFixed(2)}
        </Badge>
      </Group>
      <Text size="xs" c="dimmed" truncate="end">
        {candidate.sightings} sightings · {candidate.photos} photos
      </Text>
      <Text size="xs" c="dimmed" truncate="end">
        {candidate.fileName} · {formatDay(candidate.takenAt?.slice(0, 10))}
        {place && ` · ${place}`}
      </Text>
    </div>
  )
}

function NewWhaleRow({ threshold }: { threshold: number }) {
  return (
    <Paper className={classes.newWhale} data-testid="new-whale-row">
      <Text size="sm" fw={600}>
        new_whale
      </Text>
      <Text size="xs" c="dimmed">
        Below this line the model would call it a new individual (similarity under{' '}
        {threshold.toFixed(2)}).
      </Text>
    </Paper>
  )
}
