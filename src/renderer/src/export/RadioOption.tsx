import type { ReactNode } from 'react'

/** One choice of a radio group (`name`), its label the children, as the export dialogs ask. */
export function RadioOption({
  name,
  checked,
  disabled,
  onChoose,
  children
}: {
  name: string
  checked: boolean
  disabled?: boolean
  onChoose(): void
  children: ReactNode
}) {
  return (
    <label>
      <input type="radio" name={name} checked={checked} disabled={disabled} onChange={onChoose} />
      {children}
    </label>
  )
}
