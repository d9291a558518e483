// The recharts implementation. Do not import this file: use LazyCategoryChart.tsx, which loads it (and
// recharts) only when a chart is on screen, as LazyTrendChart does.
import { Bar, BarChart, CartesianGrid, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';
import { useTranslation } from 'react-i18next';
import { useFormat } from '../../format/useFormat.ts';
import { ChartTable } from './ChartTable.tsx';
import styles from './TrendChart.module.css';

export interface CategoryBar {
  /** The category's name as shown (localize it before passing it in). */
  label: string;
  /** null where there is nothing to measure (e.g. no concerns of that kind). */
  value: number | null;
}

export interface CategoryChartProps {
  title: string;
  bars: readonly CategoryBar[];
  /** `ratio`: values are 0…1 and shown as percentages; `count`: whole numbers. */
  kind: 'ratio' | 'count';
}

/**
 * One horizontal bar per category (names stay readable on a 360 px phone), with the same numbers in a
 * table anyone can open. The picture is hidden from screen readers: the table is the accessible version.
 */
export default function CategoryChart({ title, bars, kind }: CategoryChartProps) {
  const { t } = useTranslation();
  const format = useFormat();
  const show = (value: number | null) => (kind === 'ratio' ? format.percent(value) : format.number(value));
  // Tall enough for every bar and its name, at the large text size too.
  const height = `${Math.max(bars.length, 2) * 2.75 + 3}rem`;
  return (
    <figure className={styles.figure}>
      <figcaption className={styles.caption}>{title}</figcaption>
      <div className={styles.chart} style={{ height }} aria-hidden="true">
        <ResponsiveContainer width="100%" height="100%">
          <BarChart data={[...bars]} layout="vertical" margin={{ top: 8, right: 16, bottom: 0, left: 0 }} accessibilityLayer={false}>
            <CartesianGrid stroke="#c9ced6" strokeDasharray="4 4" horizontal={false} />
            <XAxis
              type="number"
              tick={{ fill: '#1a1a1a', fontSize: 16 }}
              domain={kind === 'ratio' ? [0, 1] : [0, 'auto']}
              allowDecimals={kind === 'ratio'}
              tickFormatter={(value: number) => show(value)}
            />
            <YAxis type="category" dataKey="label" width={96} tick={{ fill: '#1a1a1a', fontSize: 16 }} />
            <Tooltip formatter={(value) => show(typeof value === 'number' ? value : null)} />
            <Bar dataKey="value" fill="#0b4f9c" isAnimationActive={false} barSize={22} />
          </BarChart>
        </ResponsiveContainer>
      </div>
      <ChartTable title={title} labelHeading={t('chart.category')} rows={bars.map((bar) => ({ label: bar.label, value: show(bar.value) }))} />
    </figure>
  );
}
