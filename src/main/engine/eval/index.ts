export { calibrateNewWhaleThreshold, type ValidationQuery } from './calibrate'
export { evaluateQueries } from './evaluate-queries'
export { leaveOneOut, leaveOneOutScores, type LeaveOneOutReport } from './leave-one-out'
export { map5, map5FromRanks } from './map5'
export {
  prepareGallery,
  rankIndividuals,
  type Gallery,
  type PreparedGallery,
  type RankedIndividual
} from './rank-individuals'
export { type EvaluationOptions, type EvaluationReport } from './report'
export type { QueryScores } from './score-queries'
export { identitySplit, validationSplit, type IdentitySplit, type ValidationSplit } from './splits'
export { bestThreshold, map5WithThreshold, predictWithThreshold } from './threshold'
export { NEW_WHALE, type Vectors } from './vectors'
