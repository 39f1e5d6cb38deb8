import type { ApiHandlers, HostInfo } from '../shared/api'
import { DossierError } from '../shared/result'
import { DOSSIER_VERSION } from '../shared/version'
import type { ExportedFile, SavedFile } from '../shared/exporting'
import { ExportJobs } from './export/ExportJobs'
import { exportLibrary } from './export/exportLibrary'
import { restoreBackup } from './export/restoreBackup'
import { ImportBatch } from './import/ImportBatch'
import { importPathSources } from './import/importPathSources'
import { importSources } from './import/importSources'
import { preparePastedText } from './import/preparePastedText'
import { previewImport } from './import/previewImport'
import { sourceFromPayload } from './import/sourceFromPayload'
import { loadSampleLibrary } from './samples/loadSampleLibrary'
import type { Library } from './store/Library'
import { ClaimSuggestions } from './suggestions/ClaimSuggestions'

export interface HostCapabilities {
  host: HostInfo['host']
  /** Shows a native open dialog and resolves to the chosen paths (desktop only). */
  pickImportPaths?: () => Promise<string[]>
  /**
   * Shows a native save dialog for an export (a folder for several files) and writes it
   * atomically; resolves to the paths written, or null when cancelled (desktop only).
   */
  saveExport?: (files: SavedFile[]) => Promise<string[] | null>
  /** Prints a self-contained HTML report to PDF bytes (desktop only). */
  printPdf?: (html: string) => Promise<Uint8Array>
}

/** Implements every contract method on one library; hosts add only transport. */
export function createHandlers(library: Library, capabilities: HostCapabilities): ApiHandlers {
  const suggestions = new ClaimSuggestions(library)
  const exportJobs = new ExportJobs()
  return {
    getHostInfo: async () => ({
      host: capabilities.host,
      version: DOSSIER_VERSION,
      dataDir: library.dataDir,
      nativeDialogs: capabilities.pickImportPaths !== undefined,
      notices: [...library.notices, ...suggestions.notices],
      problems: library.listProblems(),
      backupDir: library.backupDir
    }),
    acknowledgeProblem: ({ id }) => library.acknowledgeProblem(id),
    listArticles: async ({ trash }) => library.listArticles({ trash: trash ?? false }),
    listArticleWindow: async (request) => library.windows.window(request),
    listArticleIds: async (request) => library.windows.ids(request),
    getArticleRows: async ({ ids }) => library.windows.rows(ids),
    getArticle: ({ id }) => library.article(id),
    search: ({ query, ...options }) => library.search.search(query, options),
    importFiles: ({ files }) => importSources(library, files.map(sourceFromPayload)),
    previewImport: async (file) => previewImport(sourceFromPayload(file)),
    importText: async (paste) => {
      const batch = new ImportBatch(library)
      await batch.add('Pasted text', () => preparePastedText(paste))
      const [outcome] = await batch.flush()
      return outcome!
    },
    importFromDialog: async () => {
      if (!capabilities.pickImportPaths) {
        throw new DossierError(
          'unsupported',
          'This host has no native file dialog; use the file picker.'
        )
      }
      return importPathSources(library, await capabilities.pickImportPaths())
    },
    updateArticle: ({ id, fields }) => library.updateArticle(id, fields),
    deleteArticles: ({ ids }) => library.deleteArticles(ids),
    restoreArticles: ({ ids }) => library.restoreArticles(ids),
    emptyTrash: async ({ ids }) => ({ deleted: await library.emptyTrash(ids) }),
    listAnnotations: ({ articleId }) => library.listAnnotations(articleId),
    createAnnotation: (input) => library.createAnnotation(input),
    updateAnnotation: (input) => library.updateAnnotation(input),
    deleteAnnotation: ({ articleId, id }) => library.deleteAnnotation(articleId, id),
    listClaims: ({ articleId }) => library.listClaims(articleId),
    createClaim: (input) => library.createClaim(input),
    updateClaim: (input) => library.updateClaim(input),
    deleteClaim: ({ articleId, id }) => library.deleteClaim(articleId, id),
    undeleteClaim: ({ articleId, id }) => library.undeleteClaim(articleId, id),
    getClaimHistory: ({ claimId }) => library.getClaimHistory(claimId),
    listLinks: ({ articleId }) => library.listLinks(articleId),
    createLink: (input) => library.createLink(input),
    deleteLink: ({ id }) => library.deleteLink(id),
    undeleteLink: ({ id }) => library.undeleteLink(id),
    getCorroboration: ({ claimId }) => library.getCorroboration(claimId),
    listClaimBoard: () => library.listClaimBoard(),
    suggestClaims: ({ articleId }) => suggestions.list(articleId),
    rejectSuggestion: ({ articleId, key }) => suggestions.reject(articleId, key),
    acceptSuggestions: ({ articleId, keys }) => suggestions.accept(articleId, keys),
    getSuggestionPass: () => suggestions.pass.progress(),
    startSuggestionPass: () => suggestions.pass.start(),
    stopSuggestionPass: () => suggestions.pass.stop(),
    listSources: () => library.listSources(),
    createSource: (input) => library.createSource(input),
    updateSource: (input) => library.updateSource(input),
    gradeSource: (input) => library.gradeSource(input),
    mergeSources: ({ survivorId, mergedId }) => library.mergeSources(survivorId, mergedId),
    unmergeSource: ({ mergedId }) => library.unmergeSource(mergedId),
    deleteSource: ({ id }) => library.deleteSource(id),
    undeleteSource: ({ id }) => library.undeleteSource(id),
    getArticleNote: async ({ articleId }) => (await library.getArticleNote(articleId)) ?? null,
    saveArticleNote: ({ articleId, doc }) => library.saveArticleNote(articleId, doc),
    listNotebooks: async ({ trash }) => library.listNotebooks({ trash: trash ?? false }),
    createNotebook: ({ title, id }) => library.createNotebook(title, id),
    renameNotebook: ({ id, title }) => library.renameNotebook(id, title),
    getNotebook: ({ id }) => library.getNotebook(id),
    saveNotebook: ({ id, doc }) => library.saveNotebook(id, doc),
    deleteNotebooks: ({ ids }) => library.deleteNotebooks(ids),
    restoreNotebooks: ({ ids }) => library.restoreNotebooks(ids),
    loadSampleLibrary: () => loadSampleLibrary(library),
    getWorkspace: () => library.workspace.get(),
    saveWorkspace: ({ workspace }) => library.workspace.save(workspace),
    exportLibrary: (request) =>
      exportJobs.run(request.jobId, (job) => exportLibrary(library, request, job)),
    exportToFile: async (request) => {
      const save = capabilities.saveExport
      if (!save)
        throw new DossierError('unsupported', 'This host has no save dialog; download the export.')
      const { files } = await exportJobs.run(request.jobId, (job) =>
        exportLibrary(library, request, job)
      )
      const paths = await save(files)
      return paths ? { paths } : null
    },
    exportPdf: async (request) => {
      const { printPdf, saveExport } = capabilities
      if (!printPdf || !saveExport)
        throw new DossierError(
          'unsupported',
          'This host cannot print to PDF; export the HTML report and print it from the browser.'
        )
      const { files } = await exportJobs.run(request.jobId, (job) =>
        exportLibrary(library, request, job)
      )
      const [report] = files as [ExportedFile]
      const content = await printPdf(report.content)
      const fileName = report.fileName.replace(/\.html$/i, '') + '.pdf'
      const paths = await saveExport([{ fileName, mimeType: 'application/pdf', content }])
      return paths ? { paths } : null
    },
    getExportProgress: async ({ jobId }) => exportJobs.progress(jobId),
    cancelExport: async ({ jobId }) => ({ cancelled: exportJobs.cancel(jobId) }),
    restoreBackup: ({ content, mode, fileName }) => restoreBackup(library, content, mode, fileName)
  }
}
