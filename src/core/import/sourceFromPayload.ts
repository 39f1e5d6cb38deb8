import type { ImportFilePayload } from '../../shared/importing'
import type { ImportSource } from './prepareArticle'

/** The bytes and facts of a file the renderer read itself (picker, drop). */
export function sourceFromPayload(file: ImportFilePayload): ImportSource {
  return {
    name: file.name,
    bytes: Buffer.from(file.dataBase64, 'base64'),
    ...(file.lastModified !== undefined ? { modifiedAt: new Date(file.lastModified) } : {}),
    ...(file.encoding ? { encoding: file.encoding } : {})
  }
}
