/**
 * The export formats and record kinds as `src/shared/exporting.ts` defines them, repeated
 * because that module loads zod and `--help` must not. tests/unit/cli/exportVocabulary.test.ts
 * keeps the two the same.
 */
export const EXPORT_FORMATS = ['md', 'csv', 'json', 'wa', 'html'] as const

export const RECORD_KINDS = ['highlight', 'claim', 'note'] as const
