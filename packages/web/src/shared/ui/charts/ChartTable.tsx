import { useTranslation } from 'react-i18next';
import styles from './TrendChart.module.css';

export interface ChartTableProps {
  /** The chart's title, repeated as the table's caption for screen readers. */
  title: string;
  /** The first column's heading, e.g. 时间 or 类别. */
  labelHeading: string;
  rows: readonly { label: string; value: string }[];
}

/** The numbers of a chart, behind "用表格查看数字": the accessible version of a picture hidden from screen readers. */
export function ChartTable({ title, labelHeading, rows }: ChartTableProps) {
  const { t } = useTranslation();
  return (
    <details className={styles.details}>
      <summary>{t('chart.showTable')}</summary>
      <table className={styles.table}>
        <caption className="visually-hidden">{title}</caption>
        <thead>
          <tr>
            <th scope="col">{labelHeading}</th>
            <th scope="col">{t('chart.value')}</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((row) => (
            <tr key={row.label}>
              <th scope="row">{row.label}</th>
              <td>{row.value}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </details>
  );
}
