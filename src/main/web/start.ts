// Wires an AppCore, the handlers and the HTTP server together for `flukeprint web` and tests.
import { homedir } from 'node:os'
import { join, resolve } from 'node:path'
import { readFileSync } from 'node:fs'
import { AppCore } from '../core/app-core'
import { createHandlers } from '../api/handlers'
import { UserError } from '../errors'
import { MIN_TOKEN_LENGTH, exposureWarning } from './guards'
import { RecentCatalogues } from '../desktop/recent-catalogues'
import { startWebHost } from './server'

export interface WebServicesOptions {
  catalogPath: string | null
  port: number
  host: string
  token: string
  rendererDir?: string
}

const projectRoot = resolve(import.meta.dirname, '../../..')

export async function startWebServices(options: WebServicesOptions) {
  if (options.token.length < MIN_TOKEN_LENGTH) {
    throw new UserError(`--token must be at least ${MIN_TOKEN_LENGTH} characters`)
  }
  const warning = exposureWarning(options.host)
  if (warning) process.stderr.write(`${warning}\n`)
  if (!Number.isInteger(options.port) || options.port < 0 || options.port > 65535) {
    throw new UserError(`--port must be a port number, not ${options.port}`)
  }
  const core = new AppCore({ app: 'the Flukeprint web host' })
  if (options.catalogPath) await core.openCatalog(options.catalogPath, true)
  const handlers = createHandlers(core, {
    host: 'web',
    version: packageVersion(),
    defaultCatalogPath: join(homedir(), 'Flukeprint', 'Catalogue'),
    defaultDemoPath: join(homedir(), 'Flukeprint', 'Demo catalogue'),
    recent: new RecentCatalogues(
      join(
        process.env['XDG_CONFIG_HOME'] ?? join(homedir(), '.config'),
        'flukeprint',
        'recent.json'
      )
    )
  })
  const rendererDir = options.rendererDir ?? join(projectRoot, 'out', 'renderer')
  const { server, url } = await startWebHost({
    core,
    handlers,
    rendererDir,
    token: options.token,
    host: options.host,
    port: options.port
  })
  const stop = async () => {
    core.jobs.cancelAll()
    server.closeAllConnections()
    await new Promise((done) => server.close(done))
    // Lets go of the catalogue's lock; a job still stopping keeps it until the process exits.
    await core.closeCatalog().catch(() => undefined)
  }
  return { core, url, stop }
}

function packageVersion(): string {
  const pkg = JSON.parse(readFileSync(join(projectRoot, 'package.json'), 'utf8')) as {
    version: string
  }
  return pkg.version
}
