import { describe, expect, it } from 'vitest'
import { tempDir } from '../../../../tests/fixtures/images'
import type { TrainingItem } from '../data/training-items'
import { CPU_DEFAULTS } from '../train/settings'
import { prepareInputs } from '../train/inputs'
import { FeatureCache } from './feature-cache'

const vector = (seed: number) => Float32Array.from({ length: 6 }, (_, i) => seed + i / 10)

describe('the backbone feature cache', () => {
  it('keeps features across openings and drops crops the catalogue no longer has', async () => {
    const dir = await tempDir()
    const cache = await FeatureCache.open(dir)
    cache.set('a@1', vector(1))
    cache.set('b@1', vector(2))
    await cache.save(['a@1', 'b@1'])
    const again = await FeatureCache.open(dir)
    expect(again.get('b@1')).toEqual(vector(2))
    await again.save(['a@1'])
    const third = await FeatureCache.open(dir)
    expect(third.size).toBe(1)
    expect(third.get('a@1')).toEqual(vector(1))
  })

  it('lets a retrain use cached features without reading the photos again', async () => {
    const dir = await tempDir()
    const cache = await FeatureCache.open(dir)
    // The photos do not exist: any attempt to crop them would leave the item unusable.
    const items: TrainingItem[] = [1, 2, 3, 4].map((n) => ({
      key: `a${n}`,
      path: `/nonexistent/${n}.jpg`,
      box: null,
      rotation: 0,
      label: `w${n % 2}`,
      cacheKey: `a${n}@v1`
    }))
    items.forEach((item, i) => cache.set(item.cacheKey ?? '', vector(i)))
    const stages: string[] = []
    const inputs = await prepareInputs(
      items,
      { ...CPU_DEFAULTS, model: 'pretrained' },
      { featureCache: cache, onProgress: (_, total, stage) => total > 0 && stages.push(stage) }
    )
    expect(items.map((_, i) => inputs.has(i))).toEqual([true, true, true, true])
    expect(inputs.featureDim).toBe(6)
    expect(stages).toEqual([])
  })
})
