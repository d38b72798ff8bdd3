import { describe, expect, it } from 'vitest'
import { MIN_HELD_OUT, learnedTakesOver } from './takeover'

describe('when the learned box proposer takes over', () => {
  it('takes over only when it beats the untrained method on enough held-out boxes', () => {
    expect(learnedTakesOver({ learnedIoU: 0.9, untrainedIoU: 0.87, heldOut: 25 })).toBe(true)
    expect(learnedTakesOver({ learnedIoU: 0.86, untrainedIoU: 0.87, heldOut: 25 })).toBe(false)
    // A tie keeps the method that needs no files.
    expect(learnedTakesOver({ learnedIoU: 0.87, untrainedIoU: 0.87, heldOut: 25 })).toBe(false)
    expect(
      learnedTakesOver({ learnedIoU: 0.99, untrainedIoU: 0.5, heldOut: MIN_HELD_OUT - 1 })
    ).toBe(false)
    expect(learnedTakesOver({ learnedIoU: 0.9, untrainedIoU: 0.5, heldOut: MIN_HELD_OUT })).toBe(
      true
    )
  })
})
