import { describe, expect, it } from 'vitest'
import * as cliWords from '../../../src/cli/claimVocabulary'
import { ATTRIBUTIONS, CLAIM_STATUSES, LINK_RELATIONS } from '../../../src/shared/claim'
import { SEARCH_KINDS } from '../../../src/shared/search'
import { RELIABILITY_GRADES, SOURCE_KINDS } from '../../../src/shared/source'

describe('the CLI’s claim vocabulary', () => {
  it('is the contract’s, word for word', () => {
    expect({ ...cliWords }).toEqual({
      CLAIM_STATUSES,
      ATTRIBUTIONS,
      LINK_RELATIONS,
      RELIABILITY_GRADES,
      SOURCE_KINDS,
      SEARCH_KINDS
    })
  })
})
