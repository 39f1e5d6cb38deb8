import { isHttpUrl } from '../../../shared/richText'

/**
 * Opens a note's link outside the app: the desktop app hands new windows to the system
 * browser (and denies them), a browser opens a tab. Only http(s) links ever leave.
 */
export function openLink(href: string): void {
  if (isHttpUrl(href)) window.open(href, '_blank', 'noopener')
}
