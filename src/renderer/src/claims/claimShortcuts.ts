import type { ClaimStatus } from '../../../shared/claim'
import { CLAIM_STATUSES } from '../../../shared/claim'
import type { Reliability } from '../../../shared/source'
import { RELIABILITY_GRADES } from '../../../shared/source'
import type { Shortcut } from '../workspace/shortcut'
import { STATUS_CUES } from './statusCues'

/** What the claim keys do; each returns false when it does not apply (nothing selected). */
export interface ClaimKeyActions {
  markClaim(): void
  setStatus(status: ClaimStatus): boolean
  setCredibility(credibility: 1 | 2 | 3 | 4 | 5 | 6): boolean
  askReliability(reliability: Reliability): boolean
  startLink(): boolean
  deleteClaim(): boolean
  cancelLink(): boolean
}

const selected = 'a claim is selected'

/** The claim keys: none of them is a highlight key (H, 1–6). */
export function claimShortcuts(act: ClaimKeyActions): Shortcut[] {
  const group = 'Claims'
  return [
    {
      keys: ['C'],
      description: 'Mark the selected text as a claim',
      when: 'text is selected',
      group,
      run: act.markClaim
    },
    ...CLAIM_STATUSES.map((status): Shortcut => ({
      keys: [STATUS_CUES[status].key],
      description: `Status: ${STATUS_CUES[status].label.toLowerCase()} (${STATUS_CUES[status].cue})`,
      when: selected,
      group,
      run: () => act.setStatus(status)
    })),
    {
      keys: ['1', '2', '3', '4', '5', '6'].map((digit) => `Shift+${digit}`),
      label: 'Shift+1–6',
      description: 'Credibility of the claim: 1 confirmed … 6 cannot be judged',
      when: selected,
      group,
      run: (event) =>
        act.setCredibility(Number(event.code.replace('Digit', '')) as 1 | 2 | 3 | 4 | 5 | 6)
    },
    {
      keys: RELIABILITY_GRADES.map((grade) => `Shift+${grade}`),
      label: 'Shift+A–F',
      description: 'Reliability of the claimant (asks why): A completely … F cannot be judged',
      when: selected,
      group,
      run: (event) => act.askReliability(event.key.toUpperCase() as Reliability)
    },
    {
      keys: ['L'],
      description: 'Link the claim to another: pick it from a list or click it in a pane',
      when: selected,
      group,
      run: act.startLink
    },
    {
      keys: ['Delete', 'Backspace'],
      description: 'Delete the selected claim (undoable)',
      when: selected,
      group,
      run: act.deleteClaim
    },
    {
      keys: ['Escape'],
      description: 'Stop linking',
      when: 'linking',
      group,
      run: act.cancelLink
    }
  ]
}
