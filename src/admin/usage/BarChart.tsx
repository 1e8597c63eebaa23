/** A bar in a chart: a label and one value per series. */
export interface BarGroup {
  label: string
  values: number[]
}

export interface BarSeries {
  name: string
  /** A fill colour with at least 3:1 contrast against white (WCAG 1.4.11). */
  colour: string
}

const WIDTH = 640
const HEIGHT = 220
const PAD = { top: 12, right: 12, bottom: 40, left: 40 }

/**
 * Stacked bars drawn on the server as SVG: no chart library in the browser, no script, and it
 * prints. The numbers are also given as a table for screen readers (the SVG is an image).
 */
export function StackedBarChart({
  title,
  groups,
  series,
  caption,
}: {
  title: string
  groups: BarGroup[]
  series: BarSeries[]
  caption: string
}) {
  const totals = groups.map((group) => group.values.reduce((sum, value) => sum + value, 0))
  const max = Math.max(1, ...totals)
  const plotWidth = WIDTH - PAD.left - PAD.right
  const plotHeight = HEIGHT - PAD.top - PAD.bottom
  const step = groups.length > 0 ? plotWidth / groups.length : plotWidth
  const barWidth = Math.max(2, step * 0.7)
  const scale = (value: number) => (value / max) * plotHeight
  const labelEvery = Math.max(1, Math.ceil(groups.length / 12))
  return (
    <figure className="kiyaku-chart">
      <figcaption>{title}</figcaption>
      <svg viewBox={`0 0 ${WIDTH} ${HEIGHT}`} role="img" aria-label={`${title}: ${caption}`}>
        <line
          x1={PAD.left}
          x2={WIDTH - PAD.right}
          y1={PAD.top + plotHeight}
          y2={PAD.top + plotHeight}
          stroke="currentColor"
        />
        <text x={PAD.left - 6} y={PAD.top + 4} textAnchor="end" fontSize="11" fill="currentColor">
          {max}
        </text>
        <text
          x={PAD.left - 6}
          y={PAD.top + plotHeight}
          textAnchor="end"
          fontSize="11"
          fill="currentColor"
        >
          0
        </text>
        {groups.map((group, index) => {
          let y = PAD.top + plotHeight
          const x = PAD.left + index * step + (step - barWidth) / 2
          return (
            <g key={group.label}>
              {group.values.map((value, seriesIndex) => {
                const height = scale(value)
                y -= height
                return height > 0 ? (
                  <rect
                    key={seriesIndex}
                    x={x}
                    y={y}
                    width={barWidth}
                    height={height}
                    fill={series[seriesIndex]?.colour}
                  />
                ) : null
              })}
              {index % labelEvery === 0 ? (
                <text
                  x={x + barWidth / 2}
                  y={HEIGHT - PAD.bottom + 14}
                  textAnchor="middle"
                  fontSize="10"
                  fill="currentColor"
                >
                  {group.label}
                </text>
              ) : null}
            </g>
          )
        })}
      </svg>
      <ul className="kiyaku-chart__legend">
        {series.map((entry) => (
          <li key={entry.name}>
            <span
              className="kiyaku-chart__swatch"
              style={{ background: entry.colour }}
              aria-hidden="true"
            />
            {entry.name}
          </li>
        ))}
      </ul>
      <table className="kiyaku-visually-hidden">
        <caption>{title}</caption>
        <thead>
          <tr>
            <th scope="col">{caption}</th>
            {series.map((entry) => (
              <th key={entry.name} scope="col">
                {entry.name}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {groups.map((group) => (
            <tr key={group.label}>
              <th scope="row">{group.label}</th>
              {group.values.map((value, index) => (
                <td key={index}>{value}</td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
    </figure>
  )
}
