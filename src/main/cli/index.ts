// `flukeprint <command>`: batch work on a catalogue folder. Progress goes to stderr, results to
// stdout, errors to stderr with a non-zero exit.
import { UserError, errorMessage } from '../errors'

interface Command {
  usage: string
  load: () => Promise<(argv: string[]) => Promise<number>>
}

// Each command loads only what it needs: `stats` starts without sharp or the web host.
const COMMANDS: Record<string, Command> = {
  import: {
    usage: 'import --catalog DIR (--folder DIR | --csv FILE --images DIR | --sheet FILE) [--json]',
    load: async () => (await import('./commands/import')).importCommand.run
  },
  export: {
    usage:
      'export --catalog DIR --format csv|kaggle|folders|capture-history|wildbook --out PATH [--occasions LABEL=FROM..TO,...] [--batch ID] [--json]',
    load: async () => (await import('./commands/export')).exportCommand.run
  },
  stats: {
    usage: 'stats --catalog DIR [--json]',
    load: async () => (await import('./commands/stats')).statsCommand.run
  },
  web: {
    usage: 'web [--catalog DIR] [--port N] [--host 127.0.0.1]',
    load: async () => (await import('./commands/web')).webCommand.run
  },
  train: {
    usage:
      'train (--data DIR | --catalog DIR) --out MODEL_DIR [--minutes N | --epochs N] [--loss batch-hard|batch-all|random] ...',
    load: async () => (await import('./commands/train')).trainCommand.run
  },
  evaluate: {
    usage: 'evaluate --model MODEL_DIR --data DIR [--json]',
    load: async () => (await import('./commands/evaluate')).evaluateCommand.run
  },
  match: {
    usage: 'match --model MODEL_DIR --catalog DIR --image FILE [--json]',
    load: async () => (await import('./commands/match')).matchCommand.run
  },
  submit: {
    usage: 'submit --model MODEL_DIR --train DIR --test DIR --out submission.csv',
    load: async () => (await import('./commands/submit')).submitCommand.run
  },
  embed: {
    usage: 'embed --model MODEL_DIR --images DIR --out FILE.jsonl',
    load: async () => (await import('./commands/embed')).embedCommand.run
  },
  demo: {
    usage: 'demo --out DIR [--individuals N] [--photos MIN-MAX] [--new N] [--seed S]',
    load: async () => (await import('./commands/demo')).demoCommand.run
  }
}

function usage(): string {
  const lines = Object.values(COMMANDS).map((c) => `  flukeprint ${c.usage}`)
  return `Usage: flukeprint <command> [options]\n\nCommands:\n${lines.join('\n')}\n`
}

export async function main(argv: string[]): Promise<number> {
  const [name, ...rest] = argv
  if (!name || name === '--help' || name === '-h' || name === 'help') {
    process.stdout.write(usage())
    return name ? 0 : 2
  }
  const command = COMMANDS[name]
  if (!command) {
    process.stderr.write(`flukeprint: unknown command "${name}"\n\n${usage()}`)
    return 2
  }
  try {
    const run = await command.load()
    return await run(rest)
  } catch (error) {
    process.stderr.write(`flukeprint ${name}: ${errorMessage(error)}\n`)
    if (!(error instanceof UserError) && process.env.FLUKEPRINT_DEBUG) console.error(error)
    return 1
  }
}

process.exitCode = await main(process.argv.slice(2))
