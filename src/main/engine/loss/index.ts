export { pairwiseDistances, l2Normalize, type Distance } from './distances'
export { embeddingSpread } from './embedding-spread'
export { SOFT_ACTIVE_GAP, type Margin } from './margin'
export { tripletLoss, type LossResult, type Mining, type TripletOptions } from './triplet-loss'
