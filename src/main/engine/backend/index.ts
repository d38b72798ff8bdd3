export { initBackend } from './init-backend'
export type { BackendInfo, BackendName, BackendPreference } from './init-backend'
export {
  assertFitsInWasmHeap,
  assertTrainingFits,
  estimateTrainingBytes,
  WASM_HEAP_LIMIT_BYTES,
  WasmHeapError,
  withHeapRecovery
} from './wasm-heap'
export { batchNormTrain } from './ops/batch-norm-train'
export type { BatchNormTrainResult } from './ops/batch-norm-train'
