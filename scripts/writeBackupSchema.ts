/**
 * `node bin/run-ts.js scripts/writeBackupSchema.ts`: writes docs/backup.schema.json from
 * the backup's zod schema, after a change to any stored record's shape.
 */
import { writeFile } from 'node:fs/promises'
import { resolve } from 'node:path'
import { backupJsonSchema } from '../src/core/export/backupJsonSchema'

const target = resolve(import.meta.dirname, '../docs/backup.schema.json')
await writeFile(target, `${JSON.stringify(backupJsonSchema(), null, 2)}\n`)
// Formatted by prettier afterwards as any file; the unit test compares values, not bytes.
console.log(`wrote ${target}`)
