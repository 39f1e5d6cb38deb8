/**
 * The selection after the core said which of the ids `asked` about are still in the view
 * (`kept`): those it kept, and those selected since the question (not asked, so not known to
 * have left). The same set when nothing left, so the table does not render again. Linear in
 * the selection: select all of 50,000 articles, then a filter, is one pass over them.
 */
export function keepSelected(
  now: ReadonlySet<string>,
  asked: readonly string[],
  kept: readonly string[]
): ReadonlySet<string> {
  const stays = new Set(kept)
  const checked = new Set(asked)
  const next = [...now].filter((id) => stays.has(id) || !checked.has(id))
  return next.length === now.size ? now : new Set(next)
}
