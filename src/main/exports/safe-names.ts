// File and folder names made from individual names and photo names, safe on every system a
// catalogue travels to (Windows forbids <>:"/\|?* and names like CON; Wildbook strips anything
// but letters, digits, period and space), and unique even where systems ignore case.

const WINDOWS_RESERVED = /^(con|prn|aux|nul|com[1-9]|lpt[1-9])(\..*)?$/i

export function safeName(name: string, fallback = 'unnamed'): string {
  const cleaned = name
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[^A-Za-z0-9 ._-]+/g, '_')
    .replace(/^[ .]+|[ .]+$/g, '')
    .slice(0, 100)
  if (!cleaned || /^_+$/.test(cleaned)) return fallback
  return WINDOWS_RESERVED.test(cleaned) ? `_${cleaned}` : cleaned
}

/** Hands out names that differ from every earlier one, ignoring case: "a", "a-2", "a-3"… */
export function uniqueNames(): (wanted: string) => string {
  const taken = new Set<string>()
  return (wanted) => {
    const dot = wanted.lastIndexOf('.')
    const stem = dot > 0 ? wanted.slice(0, dot) : wanted
    const ext = dot > 0 ? wanted.slice(dot) : ''
    let name = wanted
    for (let n = 2; taken.has(name.toLowerCase()); n++) name = `${stem}-${n}${ext}`
    taken.add(name.toLowerCase())
    return name
  }
}
