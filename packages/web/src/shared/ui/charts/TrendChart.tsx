// The recharts implementation. Do not import this file: use LazyTrendChart.tsx, which loads it (and
// recharts, ~100 KB gzipped) only when a chart is on screen. `pnpm check:bundle` fails if recharts
// reaches a route's first load.
import { CartesianGrid, Line, LineChart, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';
import { useTranslation } from 'react-i18next';
import { useFormat } from '../../format/useFormat.ts';
import { ChartTable } from './ChartTable.tsx';
import styles from './TrendChart.module.css';

export interface TrendPoint {
  /** The period's label as shown, e.g. "2026年11月" (format it before passing it in). */
  period: string;
  /** null where there is nothing to measure (e.g. no concerns reported that month). */
  value: number | null;
}

export interface TrendChartProps {
  title: string;
  points: readonly TrendPoint[];
  /** `ratio`: values are 0…1 and shown as percentages (response rate, satisfaction rate). */
  kind: 'ratio' | 'count';
}

/**
 * A line over time, with the same numbers in a table anyone can open. The picture is hidden from
 * screen readers (and recharts' own keyboard layer is off): the table is the accessible version.
 */
export default function TrendChart({ title, points, kind }: TrendChartProps) {
  const { t } = useTranslation();
  const format = useFormat();
  const show = (value: number | null) => (kind === 'ratio' ? format.percent(value) : format.number(value));
  return (
    <figure className={styles.figure}>
      <figcaption className={styles.caption}>{title}</figcaption>
      <div className={styles.chart} aria-hidden="true">
        <ResponsiveContainer width="100%" height="100%">
          <LineChart data={[...points]} margin={{ top: 8, right: 8, bottom: 0, left: 0 }} accessibilityLayer={false}>
            <CartesianGrid stroke="#c9ced6" strokeDasharray="4 4" />
            <XAxis dataKey="period" tick={{ fill: '#1a1a1a', fontSize: 16 }} padding={{ left: 16, right: 16 }} />
            <YAxis
              width={64}
              tick={{ fill: '#1a1a1a', fontSize: 16 }}
              domain={kind === 'ratio' ? [0, 1] : [0, 'auto']}
              tickFormatter={(value: number) => show(value)}
            />
            <Tooltip formatter={(value) => show(typeof value === 'number' ? value : null)} />
            <Line type="monotone" dataKey="value" stroke="#0b4f9c" strokeWidth={3} dot={{ r: 4 }} connectNulls={false} isAnimationActive={false} />
          </LineChart>
        </ResponsiveContainer>
      </div>
      <ChartTable title={title} labelHeading={t('chart.period')} rows={points.map((point) => ({ label: point.period, value: show(point.value) }))} />
    </figure>
  );
}
