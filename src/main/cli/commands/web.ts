import { randomBytes } from 'node:crypto'
import { startWebServices } from '../../web/start'
import { parseOptions } from '../options'

const USAGE = 'flukeprint web [--catalog DIR] [--port N] [--host 127.0.0.1] [--token T]'

export const webCommand = {
  run: async (argv: string[]): Promise<number> => {
    const values = parseOptions(
      argv,
      {
        catalog: { type: 'string' },
        port: { type: 'string', default: '0' },
        host: { type: 'string', default: '127.0.0.1' },
        token: { type: 'string' }
      },
      USAGE
    )
    const { url, stop } = await startWebServices({
      catalogPath: values.catalog ?? null,
      port: Number(values.port ?? 0),
      host: values.host ?? '127.0.0.1',
      token: values.token ?? randomBytes(24).toString('base64url')
    })
    process.stdout.write(
      `Flukeprint is running at ${url}\nOpen it in a browser on this computer; stop with Ctrl+C.\n`
    )
    await new Promise<void>((resolve) => {
      process.once('SIGINT', resolve)
      process.once('SIGTERM', resolve)
    })
    await stop()
    return 0
  }
}
