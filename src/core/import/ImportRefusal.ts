/** Why a file was not imported; the message names the file and the reason. */
export class ImportRefusal extends Error {
  readonly reason: string

  constructor(reason: string, message: string) {
    super(message)
    this.name = 'ImportRefusal'
    this.reason = reason
  }
}
