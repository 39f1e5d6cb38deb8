import type { ImportRefusalReason } from '../../shared/importing'

/** Why a file was not imported; the message names the file and the reason. */
export class ImportRefusal extends Error {
  readonly reason: ImportRefusalReason

  constructor(reason: ImportRefusalReason, message: string) {
    super(message)
    this.name = 'ImportRefusal'
    this.reason = reason
  }
}
