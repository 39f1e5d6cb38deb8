import { describe, expect, it } from 'vitest'
import * as cliWords from '../../../src/cli/exportVocabulary'
import { EXPORT_FORMATS, RECORD_KINDS } from '../../../src/shared/exporting'

describe('the CLI’s export vocabulary', () => {
  it('is the contract’s, word for word', () => {
    expect({ ...cliWords }).toEqual({ EXPORT_FORMATS, RECORD_KINDS })
  })
})
