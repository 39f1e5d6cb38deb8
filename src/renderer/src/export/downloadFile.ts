import type { ExportedFile } from '../../../shared/exporting'

/**
 * Hands a file to the browser's downloads, under its export name: a Blob (the text as
 * UTF-8; the Excel CSV's byte-order mark included) behind a temporary object URL.
 */
export function downloadFile(file: ExportedFile): void {
  const url = URL.createObjectURL(new Blob([file.content], { type: file.mimeType }))
  const link = document.createElement('a')
  link.href = url
  link.download = file.fileName
  link.hidden = true
  document.body.append(link)
  link.click()
  link.remove()
  // Revoked after the click has handed the file over, not before.
  window.setTimeout(() => URL.revokeObjectURL(url), 60_000)
}
