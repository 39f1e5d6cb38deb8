/** Aliases as typed, one per line (a name may hold a comma: "Marrow, Ilse"), each once. */
export function parseAliases(text: string): string[] {
  return [...new Set(text.split('\n').map((line) => line.trim()))].filter(Boolean)
}
