import { parseArgs, type ParseArgsConfig } from 'node:util'
import { UserError } from '../errors'

type ParseArgsOptionsConfig = NonNullable<ParseArgsConfig['options']>

type Values<T extends ParseArgsOptionsConfig> = {
  [K in keyof T]?: T[K]['type'] extends 'boolean' ? boolean : string
}

/** node:util parseArgs, with its errors turned into a message for the user. */
export function parseOptions<T extends ParseArgsOptionsConfig>(
  argv: string[],
  options: T,
  usage: string
): Values<T> {
  try {
    return parseArgs({ args: argv, options, strict: true, allowPositionals: false }).values
  } catch (error) {
    throw new UserError(`${(error as Error).message}\nUsage: ${usage}`)
  }
}

export function required(value: string | undefined, flag: string, usage: string): string {
  if (!value) throw new UserError(`${flag} is required\nUsage: ${usage}`)
  return value
}
