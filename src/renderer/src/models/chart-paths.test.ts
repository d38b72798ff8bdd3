import { describe, expect, it } from 'vitest'
import { chartPaths } from './chart-paths'

describe('chartPaths', () => {
  it('scales seconds to the run budget and loss to its maximum', () => {
    const paths = chartPaths(
      [
        { seconds: 0, loss: 2, map5: 0.5 },
        { seconds: 30, loss: 1, map5: null }
      ],
      { width: 100, height: 54, seconds: 60 }
    )
    expect(paths.loss).toBe('M0.0,2.0 L50.0,27.0')
    expect(paths.map5).toEqual([{ x: 0, y: 27 }])
    expect(paths.maxLoss).toBe(2)
  })

  it('draws nothing for an empty curve', () => {
    expect(chartPaths([], { width: 10, height: 10, seconds: 0 })).toEqual({
      loss: '',
      map5: [],
      maxLoss: 1e-6
    })
  })
})
