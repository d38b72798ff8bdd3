import { Text, Tooltip } from '@mantine/core'
import { useAppInfo } from '../app/AppInfoContext'

const NAMES: Record<string, string> = {
  'tensorflow-gpu': 'TensorFlow GPU',
  tensorflow: 'TensorFlow',
  wasm: 'WebAssembly',
  cpu: 'JavaScript (slow)',
  none: 'unavailable'
}

/** Which engine matches and trains here, and why: a laptop without tfjs-node trains slower. */
export function EngineStatus() {
  const { engine } = useAppInfo().info
  return (
    <Tooltip label={engine?.reason ?? 'Starting the engine…'} multiline w={300} withArrow>
      <Text
        size="xs"
        c="dimmed"
        data-testid="engine-status"
        style={{ display: 'flex', justifyContent: 'space-between' }}
      >
        <span>Engine</span>
        <span>{engine ? (NAMES[engine.backend] ?? engine.backend) : 'starting…'}</span>
      </Text>
    </Tooltip>
  )
}
