// The one contract between the renderer and the core. The Electron IPC handlers, the preload
// bridge, the web host's routes and the renderer's clients are all typed from these two maps;
// adding an endpoint is one entry here, one validator and one handler.
import type {
  Annotation,
  BatchState,
  ImportBatch,
  ImportKind,
  Individual,
  Photo,
  RejectedFile,
  Sighting
} from './domain'

export interface CatalogSummary {
  path: string
  catalogId: string
  stats: CatalogStats
}

export interface CatalogStats {
  photos: number
  annotations: number
  individuals: number
  unassigned: number
}

export interface AppInfo {
  version: string
  host: 'electron' | 'web'
  /** True where a native file dialog exists (Electron); the browser shows a path field. */
  nativeDialogs: boolean
  /** Folder suggested for a new catalogue. */
  defaultCatalogPath: string
  /** Folder the demo catalogue is made in. */
  defaultDemoPath: string
  catalog: CatalogSummary | null
  /** The TensorFlow.js backend the engine uses and why; null until it has started. */
  engine: EngineStatus | null
}

export interface EngineStatus {
  backend: string
  reason: string
}

export interface PhotoFilter {
  individualId?: string
  unassigned?: boolean
  batchId?: string
  /** Inclusive, YYYY-MM-DD. */
  dateFrom?: string
  dateTo?: string
}

/** What a grid cell needs: small enough to send tens of thousands at once. */
export interface PhotoCard {
  id: string
  fileName: string
  takenAt: string | null
  individualNames: string[]
}

export interface PhotoDetail {
  photo: Photo
  annotations: Annotation[]
  individuals: Individual[]
  batch: ImportBatch | null
  sighting: Sighting | null
}

export interface IndividualSummary {
  id: string
  name: string
  photoCount: number
  firstSeen: string | null
  lastSeen: string | null
  coverPhotoId: string | null
}

export interface SightingView {
  sighting: Sighting
  photoIds: string[]
}

export interface IndividualDetail {
  individual: Individual
  photos: PhotoCard[]
  /** Newest first; photos without a date come last. */
  sightings: SightingView[]
}

export interface BatchSummary {
  id: string
  kind: ImportKind
  label: string
  source: string
  startedAt: string
  state: BatchState
  added: number
  duplicates: number
  rejected: RejectedFile[]
}

export type JobState = 'queued' | 'running' | 'done' | 'failed' | 'cancelled'

export interface JobInfo {
  id: string
  kind: string
  title: string
  state: JobState
  current: number
  total: number
  message: string
  startedAt: string
  finishedAt: string | null
  /** Seconds left, estimated from the rate so far; null until there is a rate. */
  etaSeconds: number | null
  error: string | null
  /** Job-specific outcome, e.g. an import's batch id. */
  result: JobResult | null
}

export interface JobResult {
  batchId?: string
  added?: number
  duplicates?: number
  rejected?: RejectedFile[]
}

export interface JobStarted {
  jobId: string
}

export interface DemoStarted extends JobStarted {
  catalog: CatalogSummary
}

/** Every request: its argument and its result. */
export interface Requests {
  'app.info': { args: Record<string, never>; result: AppInfo }
  'catalog.open': { args: { path: string; create: boolean }; result: CatalogSummary }
  'catalog.close': { args: Record<string, never>; result: null }
  'catalog.openDemo': { args: { path: string }; result: DemoStarted }
  'photos.list': { args: { filter: PhotoFilter }; result: PhotoCard[] }
  'photos.get': { args: { id: string }; result: PhotoDetail }
  'individuals.list': { args: Record<string, never>; result: IndividualSummary[] }
  'individuals.get': { args: { id: string }; result: IndividualDetail }
  'batches.list': { args: Record<string, never>; result: BatchSummary[] }
  'import.folder': { args: { folder: string }; result: JobStarted }
  'import.kaggle': { args: { csv: string; images: string }; result: JobStarted }
  'jobs.list': { args: Record<string, never>; result: JobInfo[] }
  'jobs.cancel': { args: { id: string }; result: null }
  'dialog.pick': {
    args: { kind: 'folder' | 'csv'; title: string }
    result: { path: string | null }
  }
}

/** Every event pushed from the core to the renderer. */
export interface Events {
  job: JobInfo
  'catalog.changed': { reason: string }
}

export type RequestName = keyof Requests
export type Args<K extends RequestName> = Requests[K]['args']
export type Result<K extends RequestName> = Requests[K]['result']
export type EventName = keyof Events

export type ImageKind = 'thumb' | 'preview'

/** What the renderer talks to: IPC in Electron, HTTP against the web host in a browser. */
export interface AppApi {
  request<K extends RequestName>(name: K, args: Args<K>): Promise<Result<K>>
  /** Returns the unsubscribe function. */
  on<E extends EventName>(event: E, listener: (payload: Events[E]) => void): () => void
  /** Images are addressed by photo id, never by path. */
  imageUrl(kind: ImageKind, photoId: string): string
}

/** An error the core means the user to read, carried across every door unchanged. */
export interface ApiErrorBody {
  error: string
  code: 'invalid-argument' | 'not-found' | 'no-catalog' | 'conflict' | 'internal'
}
