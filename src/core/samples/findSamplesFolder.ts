import { access } from 'node:fs/promises'
import { dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { DossierError } from '../../shared/result'

/** The manifest that marks the folder; see SampleManifest. */
export const SAMPLE_MANIFEST = 'sample-library.json'

/** Folders between a module and the app's root: src/core/samples/ in the sources is deepest. */
const MAX_LEVELS = 4

/**
 * The folder of the sample library, `resources/samples/` at the app's root. The root is
 * found by walking up from this module, because the module runs from the sources
 * (src/core/samples/), bundled into out/main/ or out/main/chunks/ (`dossier web`, the
 * desktop app), and inside the installed app.asar, which holds out/ and resources/samples/
 * (electron-builder.yml's `files`).
 */
export async function findSamplesFolder(
  from = dirname(fileURLToPath(import.meta.url))
): Promise<string> {
  for (let dir = from, level = 0; level <= MAX_LEVELS; dir = dirname(dir), level++) {
    const folder = join(dir, 'resources', 'samples')
    if (
      await access(join(folder, SAMPLE_MANIFEST)).then(
        () => true,
        () => false
      )
    )
      return folder
  }
  throw new DossierError(
    'not_found',
    `The sample articles are missing from this installation (no resources/samples/${SAMPLE_MANIFEST} above ${from}). Reinstall Dossier to get them back.`
  )
}
