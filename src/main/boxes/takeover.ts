// When a learned box proposer takes over from the untrained method: only when it proved
// better on corrected boxes it was not fitted on, and on enough of them for the difference to
// mean something. A tie keeps the untrained method, which needs no files.

/** Held-out corrected boxes a comparison needs before it can hand over proposing. */
export const MIN_HELD_OUT = 5

export function learnedTakesOver(score: {
  learnedIoU: number
  untrainedIoU: number
  heldOut: number
}): boolean {
  return score.heldOut >= MIN_HELD_OUT && score.learnedIoU > score.untrainedIoU
}
