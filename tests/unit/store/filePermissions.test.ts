import { chmod, mkdir, mkdtemp, readdir, rm, stat } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { Library } from '../../../src/core/store/Library'
import { plainToDoc } from '../../../src/shared/richText'
import { DEFAULT_WORKSPACE } from '../../../src/shared/workspace'
import { sampleArticle } from './sampleArticle'

/** Every file and folder under `root`, with its permission bits. */
async function modes(root: string): Promise<Record<string, string>> {
  const found: Record<string, string> = {}
  for (const name of await readdir(root, { recursive: true })) {
    const info = await stat(join(root, name))
    found[`${name}${info.isDirectory() ? '/' : ''}`] = (info.mode & 0o777).toString(8)
  }
  return found
}

const text = 'Harbour strike enters second week\n\nDock workers walked out on Monday.'

// Windows has no permission bits to check.
describe.skipIf(process.platform === 'win32')('library file permissions', () => {
  let root: string
  let previousUmask: number
  beforeAll(async () => {
    // The usual umask, under which files are created 0644 and folders 0755 by default.
    previousUmask = process.umask(0o022)
    root = await mkdtemp(join(tmpdir(), 'dossier-modes-'))
  })
  afterAll(async () => {
    process.umask(previousUmask)
    await rm(root, { recursive: true, force: true })
  })

  it('creates every file 0600 and every folder 0700, the lock included', async () => {
    const dataDir = join(root, 'new', 'library')
    const library = await Library.open(dataDir, 'test')
    try {
      const [outcome] = await library.addArticles([sampleArticle(text)])
      const articleId = outcome!.article.id
      await library.createAnnotation({ articleId, start: 0, end: 7, color: 1 })
      await library.createClaim({ articleId, start: 36, end: 48 })
      await library.createSource({ name: 'Dockers’ Union', kind: 'organisation' })
      await library.workspace.save(DEFAULT_WORKSPACE)
      const notebook = await library.createNotebook('Harbour strike')
      await library.saveNotebook(notebook.id, plainToDoc('Who counted the pickets?'))
      await library.saveArticleNote(articleId, plainToDoc('Check the union’s figure.'))
      await library.deleteArticles([articleId])
      expect((await stat(join(dataDir, 'dossier.lock'))).mode & 0o777).toBe(0o600)
    } finally {
      await library.close()
    }
    const found = await modes(dataDir)
    expect(Object.keys(found)).toEqual(
      expect.arrayContaining(['bodies/', 'annotations/', 'library.json', 'sources.json'])
    )
    expect(Object.keys(found).filter((name) => /^bodies\/\w+\.txt$/.test(name))).toHaveLength(1)
    expect(Object.keys(found).filter((name) => /^annotations\/\w+\.json$/.test(name))).toHaveLength(
      1
    )
    for (const [name, mode] of Object.entries(found))
      expect(mode, name).toBe(name.endsWith('/') ? '700' : '600')
    expect((await stat(dataDir)).mode & 0o777).toBe(0o700)
  })

  it('tightens the folders of a library an earlier version made 0755', async () => {
    const dataDir = join(root, 'old')
    await mkdir(join(dataDir, 'bodies'), { recursive: true, mode: 0o755 })
    await mkdir(join(dataDir, 'annotations'), { mode: 0o755 })
    await chmod(join(dataDir, 'bodies'), 0o755)
    const library = await Library.open(dataDir, 'test')
    await library.close()
    expect((await stat(join(dataDir, 'bodies'))).mode & 0o777).toBe(0o700)
    expect((await stat(join(dataDir, 'annotations'))).mode & 0o777).toBe(0o700)
  })
})
