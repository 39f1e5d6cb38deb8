; Windows: Dossier appears under "Open with" for the article types it imports, without
; becoming their default program. electron-builder's own fileAssociations would set
; Dossier as the handler of .txt and .html for everyone, and leave those types without a
; handler after uninstalling; so the types are registered here, as OpenWithProgids only.

!define DOSSIER_PROGID "Dossier.Article"

!macro dossierOpenWith EXT
  WriteRegNone SHELL_CONTEXT "Software\Classes\.${EXT}\OpenWithProgids" "${DOSSIER_PROGID}"
!macroend

!macro dossierForget EXT
  DeleteRegValue SHELL_CONTEXT "Software\Classes\.${EXT}\OpenWithProgids" "${DOSSIER_PROGID}"
!macroend

!macro customInstall
  WriteRegStr SHELL_CONTEXT "Software\Classes\${DOSSIER_PROGID}" "" "Article for Dossier"
  WriteRegStr SHELL_CONTEXT "Software\Classes\${DOSSIER_PROGID}\DefaultIcon" "" "$appExe,0"
  WriteRegStr SHELL_CONTEXT "Software\Classes\${DOSSIER_PROGID}\shell\open" "" "Open with Dossier"
  WriteRegStr SHELL_CONTEXT "Software\Classes\${DOSSIER_PROGID}\shell\open\command" "" '"$appExe" "%1"'
  !insertmacro dossierOpenWith "txt"
  !insertmacro dossierOpenWith "text"
  !insertmacro dossierOpenWith "md"
  !insertmacro dossierOpenWith "markdown"
  !insertmacro dossierOpenWith "html"
  !insertmacro dossierOpenWith "htm"
  ; SHCNE_ASSOCCHANGED: Explorer rereads the associations now, not after a restart.
  System::Call "shell32::SHChangeNotify(i 0x08000000, i 0x1000, p 0, p 0)"
!macroend

!macro customUnInstall
  !insertmacro dossierForget "txt"
  !insertmacro dossierForget "text"
  !insertmacro dossierForget "md"
  !insertmacro dossierForget "markdown"
  !insertmacro dossierForget "html"
  !insertmacro dossierForget "htm"
  DeleteRegKey SHELL_CONTEXT "Software\Classes\${DOSSIER_PROGID}"
  System::Call "shell32::SHChangeNotify(i 0x08000000, i 0x1000, p 0, p 0)"
!macroend
