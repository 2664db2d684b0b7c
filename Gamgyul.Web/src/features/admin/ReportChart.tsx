import { useId } from 'react';
import { useT } from '../../i18n/i18n';
import { axisTicks, labelledSlots, layoutBars } from '../../lib/chartScale';
import type { ReportStats } from './adminApi';

const width = 640;
const height = 180;
const left = 28;
const bottom = 20;
const top = 8;

/**
 * Reports received and closed per day as grouped bars, inline SVG drawn here. The SVG is an image with a summary
 * label; every bar has its own <title> with the day and the count, and the page also offers the numbers as a table.
 */
export function PerDayChart({ stats }: { stats: ReportStats }) {
  const t = useT();
  const titleId = useId();
  const days = stats.per_day;
  const plotWidth = width - left;
  const plotHeight = height - bottom - top;
  const { bars, max } = layoutBars([days.map((d) => d.created), days.map((d) => d.closed)], plotWidth, plotHeight);
  const created = days.reduce((sum, d) => sum + d.created, 0);
  const closed = days.reduce((sum, d) => sum + d.closed, 0);
  const series = [t('admin.stats.created'), t('admin.stats.closed')];
  const slotWidth = days.length ? plotWidth / days.length : 0;

  return (
    <figure style={{ margin: 0 }}>
      <svg className="chart" viewBox={`0 0 ${width} ${height}`} role="img" aria-labelledby={titleId} data-testid="stats-chart">
        <title id={titleId}>{t('admin.stats.chart', { from: stats.from, to: stats.to, created, closed })}</title>
        {axisTicks(max).map((tick) => {
          const y = top + plotHeight - (tick / max) * plotHeight;
          return (
            <g key={tick} aria-hidden="true">
              <line className="chart__axis" x1={left} x2={width} y1={y} y2={y} />
              <text className="chart__label" x={left - 4} y={y + 3} textAnchor="end">{tick}</text>
            </g>
          );
        })}
        <g transform={`translate(${left} ${top})`}>
          {bars.filter((bar) => bar.height > 0).map((bar) => (
            <rect key={`${bar.series}-${bar.slot}`} className={bar.series === 0 ? 'chart__created' : 'chart__closed'}
              x={bar.x} y={bar.y} width={bar.width} height={bar.height} data-testid={bar.series === 0 ? 'bar-created' : 'bar-closed'}>
              <title>{t('admin.stats.bar', { date: days[bar.slot].date, series: series[bar.series], n: bar.value })}</title>
            </rect>
          ))}
        </g>
        {labelledSlots(days.length, 6).map((slot) => (
          <text key={slot} className="chart__label" aria-hidden="true" x={left + slot * slotWidth + slotWidth / 2} y={height - 4} textAnchor="middle">
            {days[slot].date.slice(5)}
          </text>
        ))}
      </svg>
      <ul className="legend" aria-hidden="true">
        <li><span className="legend__swatch chart__created" style={{ background: 'var(--brand)' }} />{series[0]} {created}</li>
        <li><span className="legend__swatch" style={{ background: '#6b7280' }} />{series[1]} {closed}</li>
      </ul>
    </figure>
  );
}

/** A labelled count table with a small bar per row (the numbers are the text; the bars only decorate). */
export function CountTable({ caption, counts, label, testId }: {
  caption: string;
  counts: Record<string, number>;
  label(key: string): string;
  testId: string;
}) {
  const t = useT();
  const entries = Object.entries(counts);
  const max = Math.max(1, ...entries.map(([, n]) => n));
  return (
    <table className="counts" data-testid={testId}>
      <caption className="visually-hidden">{caption}</caption>
      <thead className="visually-hidden">
        <tr><th scope="col">{caption}</th><th scope="col">{t('admin.stats.count')}</th><th scope="col" /></tr>
      </thead>
      <tbody>
        {entries.map(([key, n]) => (
          <tr key={key}>
            <th scope="row">{label(key)}</th>
            <td className="num">{n}</td>
            <td className="meter" aria-hidden="true">
              <svg viewBox="0 0 100 8" preserveAspectRatio="none" width="100%" height="8">
                <rect width={(n / max) * 100} height="8" rx="2" className="chart__created" />
              </svg>
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
