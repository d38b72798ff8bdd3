// The About box's text: versions a bug report needs, and the TensorFlow.js backend with the
// reason it was chosen (a slow backend is the first thing to ask about when training crawls).
import type { EngineStatus } from '../../shared/contract'

export interface Versions {
  app: string
  electron?: string
  chrome?: string
  node: string
}

export function aboutText(versions: Versions, engine: EngineStatus | null): string {
  const lines = [
    `Flukeprint ${versions.app}`,
    '',
    versions.electron ? `Electron ${versions.electron}` : null,
    versions.chrome ? `Chromium ${versions.chrome}` : null,
    `Node.js ${versions.node}`,
    engine
      ? `TensorFlow.js backend: ${engine.backend} (${engine.reason})`
      : 'TensorFlow.js backend: not started yet (it starts when a model is first used)'
  ]
  return lines.filter((line): line is string => line !== null).join('\n')
}
