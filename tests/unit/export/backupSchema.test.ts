import { readFile } from 'node:fs/promises'
import { resolve } from 'node:path'
import Ajv2020 from 'ajv/dist/2020'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { backupJsonSchema } from '../../../src/core/export/backupJsonSchema'
import { exportLibrary } from '../../../src/core/export/exportLibrary'
import { ExportJob } from '../../../src/core/export/ExportJob'
import { repoRoot } from '../store/runTsArgs'
import type { FilledLibrary } from './filledLibrary'
import { filledLibrary } from './filledLibrary'

let filled: FilledLibrary
beforeAll(async () => {
  filled = await filledLibrary()
})
afterAll(() => filled.cleanup())

describe('the published backup schema', () => {
  it('is the one generated from the zod schema restore checks (run scripts/writeBackupSchema.ts)', async () => {
    const published = JSON.parse(
      await readFile(resolve(repoRoot, 'docs/backup.schema.json'), 'utf8')
    )
    expect(published).toEqual(backupJsonSchema())
  })

  it('accepts a real backup, and refuses one missing its texts', async () => {
    const validate = new Ajv2020({ allErrors: true, strict: false }).compile(backupJsonSchema())
    const { files } = await exportLibrary(filled.library, { format: 'json' }, new ExportJob())
    const backup = JSON.parse(files[0]!.content)
    expect(validate(backup), JSON.stringify(validate.errors)).toBe(true)
    delete backup.articles[0].text
    expect(validate(backup)).toBe(false)
  })
})
