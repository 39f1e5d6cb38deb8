import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { Library } from '../../../src/core/store/Library'
import type {
  LibraryProblem,
  LibraryProblemChoice,
  LibraryProblemPrompt
} from '../../../src/main/openLibraryPatiently'
import { openLibraryPatiently } from '../../../src/main/openLibraryPatiently'
import { DOSSIER_VERSION } from '../../../src/shared/version'
import { tempFolder } from '../import/tempLibrary'

/** Answers the dialog with `choices` in turn, and records what it was shown and asked. */
function scriptedPrompt(
  choices: LibraryProblemChoice[],
  onAsk: (problem: LibraryProblem) => Promise<void> | void = () => undefined
): LibraryProblemPrompt & { asked: LibraryProblem[]; revealed: string[]; copied: string[] } {
  const asked: LibraryProblem[] = []
  const revealed: string[] = []
  const copied: string[] = []
  return {
    asked,
    revealed,
    copied,
    async ask(problem) {
      asked.push(problem)
      await onAsk(problem)
      return choices.shift() ?? 'quit'
    },
    reveal: async (folder) => void revealed.push(folder),
    copy: (text) => void copied.push(text)
  }
}

describe('openLibraryPatiently', () => {
  let folder: Awaited<ReturnType<typeof tempFolder>>
  let dataDir: string
  beforeAll(async () => {
    folder = await tempFolder()
    dataDir = join(folder.dir, 'library')
  })
  afterAll(() => folder.cleanup())

  it('opens the library without asking anything when it can', async () => {
    const prompt = scriptedPrompt([])
    const library = await openLibraryPatiently(
      dataDir,
      () => Library.open(dataDir, 'desktop app'),
      prompt
    )
    expect(library).toBeInstanceOf(Library)
    expect(prompt.asked).toEqual([])
    await library!.close()
  })

  it('explains a library held by another process, reveals, copies, and opens on Try again', async () => {
    const holder = await Library.open(dataDir, 'web host')
    // The user closes the web host while the dialog is up, then tries again.
    const prompt = scriptedPrompt(['reveal', 'copy', 'retry'], async () => {
      if (prompt.asked.length === 3) await holder.close()
    })
    const library = await openLibraryPatiently(
      dataDir,
      () => Library.open(dataDir, 'desktop app'),
      prompt
    )
    expect(library).toBeInstanceOf(Library)
    expect(prompt.asked).toHaveLength(3)
    expect(prompt.asked[0]!.message).toContain('in use by the Dossier web host')
    expect(prompt.revealed).toEqual([dataDir])
    expect(prompt.copied).toHaveLength(1)
    expect(prompt.copied[0]).toContain(`Dossier ${DOSSIER_VERSION} could not open its library.`)
    expect(prompt.copied[0]).toContain(`Library: ${dataDir}`)
    expect(prompt.copied[0]).toContain('Error (locked): The library in')
    expect(prompt.copied[0]).toContain(`Node ${process.versions.node}`)
    await library!.close()
  })

  it('resolves to nothing when the user quits, and asks again after a failed retry', async () => {
    const holder = await Library.open(dataDir, 'CLI')
    const prompt = scriptedPrompt(['retry', 'quit'])
    const library = await openLibraryPatiently(
      dataDir,
      () => Library.open(dataDir, 'desktop app'),
      prompt
    )
    expect(library).toBeUndefined()
    expect(prompt.asked).toHaveLength(2)
    await holder.close()
  })
})
