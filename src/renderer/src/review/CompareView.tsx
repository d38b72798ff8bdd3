import { useState } from 'react'
import { ActionIcon, Group, SimpleGrid, Slider, Stack, Switch, Text, Tooltip } from '@mantine/core'
import { FIT, type View } from './zoom'
import { ZoomPane, type PaneImage } from './ZoomPane'

export interface CompareState {
  linked: boolean
  query: View
  candidate: View
  /** The new photo drawn over the candidate, half transparent. */
  overlay: boolean
}

export const INITIAL_COMPARE: CompareState = {
  linked: true,
  query: FIT,
  candidate: FIT,
  overlay: false
}

interface Props {
  query: PaneImage | null
  candidate: PaneImage | null
  candidateLabel: string
  state: CompareState
  onState: (state: CompareState) => void
}

/** Query and candidate side by side; zoom and pan move both while linked. */
export function CompareView({ query, candidate, candidateLabel, state, onState }: Props) {
  const [brightness, setBrightness] = useState(100)
  const [contrast, setContrast] = useState(100)
  const [opacity, setOpacity] = useState(50)
  const filter = `brightness(${brightness}%) contrast(${contrast}%)`
  const setView = (side: 'query' | 'candidate') => (view: View) =>
    onState(state.linked ? { ...state, query: view, candidate: view } : { ...state, [side]: view })

  return (
    <Stack gap="xs" data-testid="compare-view">
      <SimpleGrid cols={2} spacing="xs">
        <ZoomPane
          image={query}
          view={state.query}
          onView={setView('query')}
          filter={filter}
          label="New photo"
          testId="compare-query"
        />
        <ZoomPane
          image={candidate}
          view={state.candidate}
          onView={setView('candidate')}
          filter={filter}
          overlay={state.overlay && query ? { image: query, opacity: opacity / 100 } : null}
          label={candidateLabel}
          testId="compare-candidate"
        />
      </SimpleGrid>
      <Group gap="lg" wrap="wrap">
        <Switch
          label="Link zoom (L)"
          checked={state.linked}
          onChange={(e) => {
            const linked = e.currentTarget.checked
            onState({ ...state, linked, candidate: linked ? state.query : state.candidate })
          }}
          data-testid="link-zoom"
        />
        <Tooltip label="Fit both (0 or double-click)">
          <ActionIcon
            variant="default"
            onClick={() => onState({ ...state, query: FIT, candidate: FIT })}
            aria-label="Fit both"
          >
            ⤢
          </ActionIcon>
        </Tooltip>
        <LabelledSlider label="Brightness" value={brightness} onChange={setBrightness} />
        <LabelledSlider label="Contrast" value={contrast} onChange={setContrast} />
        <Switch
          label="Overlay new photo (O)"
          checked={state.overlay}
          onChange={(e) => onState({ ...state, overlay: e.currentTarget.checked })}
          data-testid="overlay-toggle"
        />
        {state.overlay && (
          <LabelledSlider label="Overlay" value={opacity} onChange={setOpacity} max={100} />
        )}
      </Group>
    </Stack>
  )
}

function LabelledSlider({
  label,
  value,
  onChange,
  max = 200
}: {
  label: string
  value: number
  onChange: (value: number) => void
  max?: number
}) {
  return (
    <Group gap={6} wrap="nowrap">
      <Text size="xs" c="dimmed">
        {label}
      </Text>
      <Slider
        w={110}
        min={max === 100 ? 0 : 30}
        max={max}
        value={value}
        onChange={onChange}
        aria-label={label}
        label={(v) => `${v}%`}
      />
    </Group>
  )
}
