import { useEffect, useEffectEvent, useState } from 'react'
import { Alert, Center, Grid, Group, Loader, Stack, Text, Title } from '@mantine/core'
import type { CandidateList, DecisionView, ReviewFilter } from '@shared/contract'
import { errorMessage } from '../api/api-error'
import { useApi } from '../api/ApiContext'
import { useJobs } from '../api/JobsProvider'
import { isActive } from '../api/merge-jobs'
import { useCatalogChanged } from '../api/use-event'
import { useRequest } from '../api/use-request'
import { ApiErrorAlert } from '../common/ApiErrorAlert'
import { formatNumber } from '../common/format'
import { Page } from '../layout/Shell'
import { CandidatePanel } from './CandidatePanel'
import { CompareView, INITIAL_COMPARE, type CompareState } from './CompareView'
import { DecisionBar } from './DecisionBar'
import { NewIndividualDialog } from './NewIndividualDialog'
import { QueryDetails } from './QueryDetails'
import { RecentDecisions } from './RecentDecisions'
import { reviewAction, type ReviewAction } from './review-keys'
import { orderQueue, stepFrom } from './review-order'
import { NoModelGuide, NothingToReview } from './ReviewGuide'
import { ReviewFilters } from './ReviewFilters'
import { ShortcutHelp } from './ShortcutHelp'
import { FIT, zoomAt } from './zoom'

const PAGE = 5

export function ReviewPage() {
  const api = useApi()
  const { jobs } = useJobs()
  const [filter, setFilter] = useState<ReviewFilter>({})
  const queue = useRequest('review.queue', { filter }, { keepPrevious: true })
  const models = useRequest('models.list', {}, { keepPrevious: true })
  const recent = useRequest('review.recent', { limit: 5 }, { keepPrevious: true })
  useCatalogChanged(() => {
    queue.reload()
    models.reload()
  })
  const [skipped, setSkipped] = useState<string[]>([])
  const [hidden, setHidden] = useState<ReadonlySet<string>>(new Set())
  const [currentId, setCurrentId] = useState<string | null>(null)
  const [limit, setLimit] = useState(PAGE)
  const [selected, setSelected] = useState(0)
  const [otherImage, setOtherImage] = useState<string | null>(null)
  const [compare, setCompare] = useState<CompareState>(INITIAL_COMPARE)
  const [naming, setNaming] = useState(false)
  const [error, setError] = useState<string | null>(null)
  const [saved, setSaved] = useState<string | null>(null)

  const order = orderQueue(queue.data?.items ?? [], skipped, hidden)
  const current = order.find((i) => i.annotationId === currentId) ?? order[0] ?? null
  const noModel = models.data !== undefined && !models.data.some((m) => m.current)
  const candidates = useRequest(
    'review.candidates',
    { annotationId: current?.annotationId ?? '', limit },
    { skip: !current || noModel || models.data === undefined, keepPrevious: true }
  )
  // The next photo's candidates are asked for while this one is reviewed, so a decision shows
  // the next photo's ranking at once; the fresh answer replaces it when it comes.
  const [prefetched, setPrefetched] = useState<ReadonlyMap<string, CandidateList>>(new Map())
  const fresh =
    candidates.data?.annotationId === current?.annotationId ? candidates.data : undefined
  const list = fresh ?? (limit === PAGE ? prefetched.get(current?.annotationId ?? '') : undefined)
  const nextId = stepFrom(order, current?.annotationId ?? null, 1)
  useEffect(() => {
    if (!fresh || !nextId || nextId === fresh.annotationId) return
    let live = true
    api.request('review.candidates', { annotationId: nextId, limit: PAGE }).then(
      (next) =>
        live &&
        setPrefetched(
          new Map([
            [fresh.annotationId, fresh],
            [nextId, next]
          ])
        ),
      () => undefined
    )
    return () => {
      live = false
    }
  }, [api, fresh, nextId])
  const candidate = list?.candidates[Math.min(selected, (list?.candidates.length ?? 1) - 1)] ?? null
  const shownAnnotation = otherImage ?? candidate?.annotationId ?? null
  const embedding = jobs.some((j) => isActive(j) && (j.kind === 'embed' || j.kind === 'train'))

  const goTo = (annotationId: string | null) => {
    setCurrentId(annotationId)
    setSelected(0)
    setOtherImage(null)
    setLimit(PAGE)
    setCompare((state) => ({ ...state, query: FIT, candidate: FIT }))
  }
  const selectCandidate = (index: number) => {
    setSelected(Math.max(0, Math.min(index, (list?.candidates.length ?? 1) - 1)))
    setOtherImage(null)
  }
  const acknowledged = (view: DecisionView, text: string) => {
    setSaved(text)
    setError(null)
    recent.reload()
    queue.reload()
    if (view.verdict === 'different') {
      setPrefetched(new Map())
      candidates.reload()
    }
  }
  const failed = (queryId: string) => (err: unknown) => {
    setHidden((h) => new Set([...h].filter((id) => id !== queryId)))
    goTo(queryId)
    setError(errorMessage(err))
  }

  /** Moves on at once; the photo comes back (with the error) if the write fails. */
  const moveOnFrom = (queryId: string) => {
    setHidden((h) => new Set(h).add(queryId))
    const next = stepFrom(order, queryId, 1)
    goTo(next === queryId ? null : next)
  }
  const decide = (verdict: 'same' | 'different' | 'unsure') => {
    if (!current || !candidate) return
    const queryId = current.annotationId
    if (verdict !== 'different') moveOnFrom(queryId)
    api
      .request('review.decide', {
        queryAnnotationId: queryId,
        verdict,
        individualId: candidate.individualId,
        candidateAnnotationId: shownAnnotation
      })
      .then(
        (view) => acknowledged(view, `Saved: ${verdict} — ${view.individualName}`),
        failed(queryId)
      )
  }
  const createIndividual = (name: string | null) => {
    setNaming(false)
    if (!current) return
    const queryId = current.annotationId
    moveOnFrom(queryId)
    api
      .request('review.newIndividual', { queryAnnotationId: queryId, name })
      .then(
        (view) => acknowledged(view, `Saved: new individual ${view.individualName}`),
        failed(queryId)
      )
  }
  const undo = () => {
    api.request('review.undo', {}).then(
      (view) => {
        if (!view) return setSaved('Nothing to undo')
        setHidden((h) => new Set([...h].filter((id) => id !== view.queryAnnotationId)))
        setSkipped((s) => s.filter((id) => id !== view.queryAnnotationId))
        setSaved(`Undone: ${view.verdict} — ${view.individualName}`)
        recent.reload()
        queue.reload()
        candidates.reload()
        goTo(view.queryAnnotationId)
      },
      (err: unknown) => setError(errorMessage(err))
    )
  }

  const act = (action: ReviewAction) => {
    const zoom = (factor: number) =>
      setCompare((s) => ({
        ...s,
        query: zoomAt(s.query, factor, 0, 0),
        candidate: zoomAt(s.candidate, factor, 0, 0)
      }))
    switch (action) {
      case 'next-candidate':
        return selectCandidate(selected + 1)
      case 'previous-candidate':
        return selectCandidate(selected - 1)
      case 'next-query':
        return goTo(stepFrom(order, current?.annotationId ?? null, 1))
      case 'previous-query':
        return goTo(stepFrom(order, current?.annotationId ?? null, -1))
      case 'skip':
        if (!current) return
        setSkipped((s) => [...s.filter((id) => id !== current.annotationId), current.annotationId])
        return goTo(stepFrom(order, current.annotationId, 1))
      case 'same':
      case 'different':
      case 'unsure':
        return decide(action)
      case 'new':
        return current && setNaming(true)
      case 'undo':
        return undo()
      case 'zoom-in':
        return zoom(1.25)
      case 'zoom-out':
        return zoom(0.8)
      case 'fit':
        return setCompare((s) => ({ ...s, query: FIT, candidate: FIT }))
      case 'link':
        return setCompare((s) => ({ ...s, linked: !s.linked, candidate: s.query }))
      case 'overlay':
        return setCompare((s) => ({ ...s, overlay: !s.overlay }))
    }
  }
  const onKey = useEffectEvent((event: KeyboardEvent) => {
    if (naming) return
    const action = reviewAction(event)
    if (!action) return
    event.preventDefault()
    act(action)
  })
  useEffect(() => {
    const listener = (event: KeyboardEvent) => onKey(event)
    window.addEventListener('keydown', listener)
    return () => window.removeEventListener('keydown', listener)
  }, [])

  const startBuiltIn = () =>
    void api
      .request('models.train', { minutes: 0 })
      .catch((err: unknown) => setError(errorMessage(err)))
  const image = (annotationId: string | null, alt: string) =>
    annotationId
      ? {
          src: api.imageUrl('crop', annotationId),
          fullSrc: api.imageUrl('crop-full', annotationId),
          alt
        }
      : null

  return (
    <Page>
      <Stack gap="md" data-testid="review-page">
        <Group justify="space-between" align="flex-end">
          <div>
            <Title order={2}>Review matches</Title>
            <Text size="sm" c="dimmed" data-testid="review-count">
              {queue.data
                ? `${formatNumber(order.length)} waiting${
                    order.length !== queue.data.totalUnassigned
                      ? ` (${formatNumber(queue.data.totalUnassigned)} in all)`
                      : ''
                  }`
                : 'Loading…'}
            </Text>
          </div>
          <ReviewFilters queue={queue.data} filter={filter} onFilter={setFilter} />
        </Group>
        {queue.error && <ApiErrorAlert error={queue.error} onRetry={queue.reload} />}
        {error && (
          <Alert
            color="red"
            withCloseButton
            onClose={() => setError(null)}
            data-testid="review-error"
          >
            {error}
          </Alert>
        )}
        {noModel && <NoModelGuide onBuiltIn={startBuiltIn} busy={embedding} />}
        {queue.data && order.length === 0 && <NothingToReview total={queue.data.totalUnassigned} />}
        {current && !noModel && (
          <Grid gap="md">
            <Grid.Col span={{ base: 12, lg: 8 }}>
              <Stack gap="sm">
                <CompareView
                  query={image(current.annotationId, `New photo ${current.fileName}`)}
                  candidate={image(shownAnnotation, candidate ? `Candidate ${candidate.name}` : '')}
                  candidateLabel={candidate ? `${candidate.rank}. ${candidate.name}` : 'Candidate'}
                  state={compare}
                  onState={setCompare}
                />
                <DecisionBar onAction={act} hasCandidate={candidate !== null} busy={false} />
                {saved && (
                  <Text size="xs" c="dimmed" data-testid="review-saved">
                    {saved}
                  </Text>
                )}
                <QueryDetails
                  query={current}
                  candidate={candidate}
                  shownAnnotation={shownAnnotation}
                  onShow={setOtherImage}
                />
                <ShortcutHelp />
              </Stack>
            </Grid.Col>
            <Grid.Col span={{ base: 12, lg: 4 }}>
              <Stack gap="sm">
                {embedding && (
                  <Text size="xs" c="dimmed">
                    The catalogue is being embedded: suggestions complete when the job ends.
                  </Text>
                )}
                {candidates.error && (
                  <ApiErrorAlert error={candidates.error} onRetry={candidates.reload} />
                )}
                {!list && !candidates.error && (
                  <Center p="md">
                    <Loader size="sm" aria-label="Ranking candidates" />
                  </Center>
                )}
                {list && (
                  <CandidatePanel
                    list={list}
                    selected={selected}
                    onSelect={selectCandidate}
                    onMore={() => setLimit((l) => l + PAGE)}
                  />
                )}
                <RecentDecisions decisions={recent.data ?? []} />
              </Stack>
            </Grid.Col>
          </Grid>
        )}
        <NewIndividualDialog
          opened={naming}
          onClose={() => setNaming(false)}
          onCreate={createIndividual}
        />
      </Stack>
    </Page>
  )
}
