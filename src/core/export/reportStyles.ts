/**
 * The HTML report's one stylesheet, inline (the report loads nothing). The six highlight
 * colours and the claim statuses are the workbench's, each with its own underline style,
 * so a printed report in black and white still tells them apart; print styles drop the
 * contents list and keep each claim and passage on one page.
 */
export const REPORT_STYLES = `
:root {
  --c1: 240 228 66; --c2: 86 180 233; --c3: 0 158 115;
  --c4: 213 94 0; --c5: 204 121 167; --c6: 230 159 0;
  --st-unreviewed: #5f6670; --st-checking: #0068a3; --st-supported: #007a5a;
  --st-disputed: #b84a00; --st-refuted: #b42318; --st-unverifiable: #7d5a00;
  color-scheme: light;
}
body { font: 15px/1.55 Georgia, 'Times New Roman', serif; color: #1b1d21; margin: 2rem auto; max-width: 52rem; padding: 0 1rem; }
h1, h2, h3, h4, th, .meta, nav, .legend, .grade { font-family: system-ui, sans-serif; }
h1 { font-size: 1.7rem; margin-bottom: 0.2rem; }
h2 { font-size: 1.3rem; border-bottom: 1px solid #c8ccd2; padding-bottom: 0.2rem; margin-top: 2.5rem; }
h3 { font-size: 1.05rem; margin-top: 1.6rem; }
.meta { color: #4a5059; font-size: 0.85rem; }
dl.meta { display: grid; grid-template-columns: max-content 1fr; gap: 0.1rem 1rem; }
dl.meta dt { font-weight: 600; }
dl.meta dd { margin: 0; overflow-wrap: anywhere; }
.text { white-space: pre-wrap; overflow-wrap: break-word; border-left: 3px solid #e3e6ea; padding-left: 1rem; }
mark { color: inherit; background: none; }
mark.c1 { background: rgb(var(--c1) / 0.35); border-bottom: 2px solid rgb(var(--c1)); }
mark.c2 { background: rgb(var(--c2) / 0.3); border-bottom: 3px double rgb(var(--c2)); }
mark.c3 { background: rgb(var(--c3) / 0.25); border-bottom: 2px dotted rgb(var(--c3)); }
mark.c4 { background: rgb(var(--c4) / 0.22); border-bottom: 2px dashed rgb(var(--c4)); }
mark.c5 { background: rgb(var(--c5) / 0.28); border-bottom: 3px groove rgb(var(--c5)); }
mark.c6 { background: rgb(var(--c6) / 0.28); border-top: 2px solid rgb(var(--c6)); }
.s-unreviewed { text-decoration: underline solid var(--st-unreviewed) 1px; }
.s-checking { text-decoration: underline dashed var(--st-checking) 2px; }
.s-supported { text-decoration: underline solid var(--st-supported) 3px; }
.s-disputed { text-decoration: underline wavy var(--st-disputed) 1.5px; }
.s-refuted { text-decoration: underline double var(--st-refuted) 3px; }
.s-unverifiable { text-decoration: underline dotted var(--st-unverifiable) 3px; }
mark[class*='s-'] { text-underline-offset: 5px; }
sup.ref a { font: 0.7rem system-ui, sans-serif; text-decoration: none; color: #0b57d0; }
.legend ul { list-style: none; padding: 0; display: flex; flex-wrap: wrap; gap: 0.4rem 1.2rem; }
table { border-collapse: collapse; width: 100%; font-size: 0.88rem; }
th, td { border: 1px solid #c8ccd2; padding: 0.3rem 0.45rem; text-align: left; vertical-align: top; }
th { background: #f1f3f5; }
.grade { font-weight: 700; white-space: nowrap; }
.passage { margin: 1rem 0; padding: 0.5rem 0.8rem; border: 1px solid #e3e6ea; border-radius: 4px; }
.passage blockquote, blockquote { margin: 0.4rem 0; padding-left: 0.8rem; border-left: 3px solid #c8ccd2; }
blockquote.passage footer { font: 0.85rem system-ui, sans-serif; color: #4a5059; }
.note { font-size: 0.95rem; }
a { color: #0b57d0; }
@media print {
  body { margin: 0; max-width: none; font-size: 11pt; }
  nav { display: none; }
  h2 { break-before: page; }
  h2.first { break-before: auto; }
  .passage, tr, blockquote { break-inside: avoid; }
  a[href^='http']::after { content: ' (' attr(href) ')'; font-size: 0.8em; overflow-wrap: anywhere; }
  mark { print-color-adjust: exact; -webkit-print-color-adjust: exact; }
}
`
