import type { ReactNode } from 'react'
import type { ViewId } from './views'
import './views.css'

interface Props {
  view: ViewId
  shown: boolean
  children: ReactNode
}

/**
 * A view laid over the reader. It stays mounted once shown, hidden and inert, so its
 * filters, sort and scroll stay as the analyst left them.
 */
export function ViewPanel({ view, shown, children }: Props) {
  return (
    <div className={`view-panel${shown ? '' : ' view-behind'}`} data-view={view} inert={!shown}>
      {children}
    </div>
  )
}
