import { mkdtemp, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import type { PrintToPDFOptions } from 'electron'
import { app, BrowserWindow } from 'electron'

/** Where paper is Letter rather than A4 (the Americas that kept it, and the Philippines). */
const LETTER_COUNTRIES = new Set(['US', 'CA', 'MX', 'PR', 'CL', 'CO', 'VE', 'PH', 'GT', 'CR'])

/** How the report is printed: page numbers in the footer, no date or URL header. */
export function pdfOptions(countryCode: string): PrintToPDFOptions {
  const small = 'font: 8px system-ui, sans-serif; color: #4a5059; width: 100%; margin: 0 1cm;'
  return {
    pageSize: LETTER_COUNTRIES.has(countryCode.toUpperCase()) ? 'Letter' : 'A4',
    printBackground: true,
    margins: { top: 0.6, bottom: 0.7, left: 0.6, right: 0.6 },
    displayHeaderFooter: true,
    headerTemplate: '<span></span>',
    footerTemplate: `<div style="${small} text-align: right"><span class="pageNumber"></span> / <span class="totalPages"></span></div>`,
    generateTaggedPDF: true,
    generateDocumentOutline: true
  }
}

/**
 * Export as PDF: the HTML report (self-contained, all user text escaped, its own CSP that
 * loads nothing) is written to a private temporary folder and printed by Chromium in a
 * hidden window with JavaScript off, sandboxed, no preload and no Node. The window and
 * the folder are gone afterwards, however the printing ended. A file rather than a data:
 * URL, which Chromium caps at 2 MB.
 */
export async function printReportToPdf(html: string): Promise<Uint8Array> {
  const folder = await mkdtemp(join(tmpdir(), 'dossier-report-'))
  const window = new BrowserWindow({
    show: false,
    width: 900,
    height: 1200,
    title: 'Dossier report',
    webPreferences: {
      javascript: false,
      sandbox: true,
      contextIsolation: true,
      nodeIntegration: false,
      webSecurity: true,
      webviewTag: false,
      spellcheck: false,
      // Nobody clicks in a hidden window; a middle-click could not open one anyway.
      disableBlinkFeatures: 'Auxclick'
    }
  })
  try {
    const file = join(folder, 'report.html')
    await writeFile(file, html, { encoding: 'utf8', mode: 0o600 })
    await window.loadFile(file)
    return await window.webContents.printToPDF(pdfOptions(app.getLocaleCountryCode()))
  } finally {
    window.destroy()
    await rm(folder, { recursive: true, force: true })
  }
}
