// One colour per individual, stable across reloads and views (by id, not by list position),
// from Mantine's palette at a shade readable on light and dark backgrounds.

const HUES = [
  'blue',
  'orange',
  'teal',
  'grape',
  'lime',
  'red',
  'cyan',
  'yellow',
  'violet',
  'green',
  'pink',
  'indigo'
] as const

export const UNASSIGNED_COLOUR = 'var(--mantine-color-gray-5)'

export function colourOf(individualId: string | null): string {
  if (individualId === null) return UNASSIGNED_COLOUR
  let hash = 0
  for (let i = 0; i < individualId.length; i++)
    hash = (hash * 31 + individualId.charCodeAt(i)) >>> 0
  return `var(--mantine-color-${HUES[hash % HUES.length]}-6)`
}
