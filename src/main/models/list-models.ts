// The catalogue's models for the Models page: what the catalogue knows of each (scores, which
// one is current) joined with its record on disk (data size, curve). A model whose folder is
// missing or damaged is still listed, with what the catalogue knows, so nothing disappears.
import { readFile } from 'node:fs/promises'
import { join } from 'node:path'
import type { ModelSummary, TrainingPoint } from '../../shared/contract'
import type { CatalogData } from '../../shared/domain'
import { thinCurve } from './curve'
import { parseModelRecord, type ModelRecord } from '../engine/store/model-record'

/** Records never change once written: read each once. */
const records = new Map<string, Promise<ModelRecord | null>>()

export async function listModels(catalogDir: string, data: CatalogData): Promise<ModelSummary[]> {
  const rows = await Promise.all(
    data.models.map(async (version) => {
      const dir = join(catalogDir, 'models', version.dir)
      const record = await recordOf(dir)
      const training = record?.training
      return {
        id: version.id,
        createdAt: version.createdAt,
        kind: version.kind,
        current: version.id === data.currentModelId,
        items: training?.data.items ?? 0,
        individuals: training?.data.individuals ?? 0,
        validationQueries: training?.data.validationQueries ?? 0,
        seconds: training?.seconds ?? 0,
        steps: training?.steps ?? 0,
        stoppedBecause: training?.stoppedBecause ?? 'the model files are missing or damaged',
        scores: version.scores,
        comparedWith: version.comparedWith,
        newWhaleThreshold: record?.newWhaleThreshold ?? null,
        backend: record?.backend ?? '',
        curve: thinCurve(
          (training?.curve ?? []).map(
            (p): TrainingPoint => ({ seconds: p.seconds, loss: p.loss, map5: p.map5 })
          )
        )
      } satisfies ModelSummary
    })
  )
  return rows.reverse()
}

function recordOf(dir: string): Promise<ModelRecord | null> {
  let record = records.get(dir)
  if (!record) {
    record = readFile(join(dir, 'flukeprint.json'), 'utf8')
      .then((text) => parseModelRecord(JSON.parse(text), dir))
      .catch(() => null)
    records.set(dir, record)
  }
  return record
}
