/**
 * How overlapping highlights look, beside the list: the earlier highlight keeps its line
 * below the text, the later one draws its own above, so both colours stay readable. One
 * short line, so that on a laptop's screen the list below it keeps its room.
 */
export function OverlapLegend() {
  return (
    <p
      className="overlap-legend"
      title="Where highlights overlap, the earlier one keeps its line below the text and the later one draws its line above."
    >
      <span className="overlap-sample" aria-hidden="true">
        <span className="overlap-under">over</span>
        <span className="overlap-both">lap</span>
        <span className="overlap-over">ping</span>
      </span>{' '}
      earlier line below, later above
    </p>
  )
}
