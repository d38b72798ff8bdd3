// Writes a file so that readers only ever see the old file or the complete new one: a killed
// process may leave a stray *.tmp, never a truncated JPEG or CSV under the real name.
import { rename, unlink, writeFile } from 'node:fs/promises'

let counter = 0

export async function writeFileAtomic(path: string, data: Buffer | string): Promise<void> {
  counter += 1
  const temp = `${path}.${process.pid}.${counter}.tmp`
  try {
    await writeFile(temp, data)
    await rename(temp, path)
  } catch (error) {
    await unlink(temp).catch(() => undefined)
    throw error
  }
}
