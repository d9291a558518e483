import { useTranslation } from 'react-i18next';
import { useQuery } from 'urql';
import type { ResultOf } from '../../shared/api/graphql.ts';
import { useFormat } from '../../shared/format/useFormat.ts';
import { useRequiredParams } from '../../shared/hooks/useRequiredParams.ts';
import { useLocalizedName } from '../../shared/i18n/localized.ts';
import { ButtonLink } from '../../shared/ui/Button.tsx';
import { LazyCategoryChart } from '../../shared/ui/charts/LazyCategoryChart.tsx';
import { LazyTrendChart } from '../../shared/ui/charts/LazyTrendChart.tsx';
import { EmptyState } from '../../shared/ui/EmptyState.tsx';
import { ErrorNotice } from '../../shared/ui/ErrorNotice.tsx';
import { Skeleton } from '../../shared/ui/Loading.tsx';
import { PageHeader } from '../../shared/ui/PageHeader.tsx';
import { ProgressBar } from '../../shared/ui/ProgressBar.tsx';
import { isCadreRole } from '../../shared/session/roles.ts';
import { durationParts, exportUrl, monthLabel, rateTiles, type RateTile } from './figure-format.ts';
import { CommunityFiguresQuery } from './figures.documents.ts';
import styles from './figures.module.css';

type FiguresData = Extract<NonNullable<NonNullable<ResultOf<typeof CommunityFiguresQuery>['community']>['figures']>, { __typename: 'CommunityFiguresSuccess' }>['data'];

/** `/c/:slug/figures`: how the community answers and resolves concerns, as big numbers and charts. */
export function FiguresPage() {
  const { t } = useTranslation(['figures', 'common']);
  const { slug } = useRequiredParams('slug');
  const [{ data, error, fetching }, refetch] = useQuery({ query: CommunityFiguresQuery, variables: { slug } });
  const header = <PageHeader title={t('title')} description={t('intro')} />;
  if (!data) return <>{header}{error ? <ErrorNotice error={error} onRetry={() => refetch({ requestPolicy: 'network-only' })} /> : fetching ? <Skeleton lines={10} /> : null}</>;
  const community = data.community;
  if (!community) return <>{header}<EmptyState title={t('notFound')} /></>;
  const isCadre = isCadreRole(community.myRole);
  const result = community.figures;
  return (
    <>
      {header}
      {result.__typename === 'CommunityFiguresSuccess' ? <Dashboard figures={result.data} /> : <ErrorNotice error={result} onRetry={() => refetch({ requestPolicy: 'network-only' })} />}
      {isCadre ? <Exports slug={community.slug} /> : null}
    </>
  );
}

function Dashboard({ figures }: { figures: FiguresData }) {
  const { t } = useTranslation(['figures', 'common']);
  const format = useFormat();
  const totals = figures.totals;
  // The period's last instant is exclusive: the last day shown is the one before it.
  const lastDay = new Date(new Date(figures.to).getTime() - 1);
  return (
    <>
      <p className={styles.period}>{t('period', { from: format.date(figures.from, { timeZone: figures.timezone }), to: format.date(lastDay, { timeZone: figures.timezone }) })}</p>
      {totals.reported === 0 && totals.sessions === 0 ? (
        <EmptyState title={t('noData')} body={t('noDataBody')} />
      ) : (
        <>
          <section className={styles.section} aria-labelledby="rates-heading">
            <h2 id="rates-heading">{t('rates')}</h2>
            <p className={styles.counts}>
              <span>{t('counts.reported', { count: totals.reported, n: format.number(totals.reported) })}</span>
              <span>{t('counts.sessions', { count: totals.sessions, n: format.number(totals.sessions) })}</span>
            </p>
            <ul className={styles.tiles}>
              {rateTiles(totals).map((tile) => (
                <li key={tile.key}>
                  <RateFigure tile={tile} />
                </li>
              ))}
              <li>
                <MedianFigure label={t('median.respond')} hours={totals.medianHoursToRespond} />
              </li>
              <li>
                <MedianFigure label={t('median.resolve')} hours={totals.medianHoursToResolve} />
              </li>
            </ul>
          </section>
          <MonthCharts figures={figures} />
          <CategoryFigures figures={figures} />
          <SessionFigures figures={figures} />
        </>
      )}
    </>
  );
}

/** A rate as a big number in a ring, with the counts it is made of; the ring is decoration. */
function RateFigure({ tile }: { tile: RateTile }) {
  const { t } = useTranslation(['figures', 'common']);
  const format = useFormat();
  const radius = 40;
  const circumference = 2 * Math.PI * radius;
  const share = tile.rate === null ? 0 : Math.min(Math.max(tile.rate, 0), 1);
  return (
    <div className={styles.tile}>
      <svg className={styles.ring} viewBox="0 0 100 100" aria-hidden="true" focusable="false">
        <circle className={styles.ringTrack} cx="50" cy="50" r={radius} fill="none" strokeWidth="12" />
        <circle
          className={styles.ringFill}
          cx="50"
          cy="50"
          r={radius}
          fill="none"
          strokeWidth="12"
          strokeLinecap="round"
          strokeDasharray={circumference}
          strokeDashoffset={circumference * (1 - share)}
          transform="rotate(-90 50 50)"
        />
      </svg>
      <div className={styles.tileText}>
        <span className={styles.tileLabel}>{t(`rate.${tile.key}`)}</span>
        <span className={styles.big}>{tile.rate === null ? t('noRate') : format.percent(tile.rate)}</span>
        {tile.of > 0 ? <span className={styles.small}>{t(`rateCount.${tile.key}`, { count: format.number(tile.count), of: format.number(tile.of) })}</span> : null}
      </div>
    </div>
  );
}

function MedianFigure({ label, hours }: { label: string; hours: number | null }) {
  const { t } = useTranslation(['figures', 'common']);
  const format = useFormat();
  const parts = durationParts(hours);
  return (
    <div className={styles.tile}>
      <div className={styles.tileText}>
        <span className={styles.tileLabel}>{label}</span>
        <span className={styles.big}>{parts ? t(`duration.${parts.unit}`, { value: format.number(parts.value) }) : t('noRate')}</span>
        <span className={styles.small}>{t('medians')}</span>
      </div>
    </div>
  );
}

function MonthCharts({ figures }: { figures: FiguresData }) {
  const { t } = useTranslation(['figures', 'common']);
  const format = useFormat();
  const months = figures.byMonth.map((month) => ({ period: monthLabel(month.month, format.language), figures: month.figures }));
  if (!months.length) return null;
  return (
    <section className={styles.section} aria-labelledby="months-heading">
      <h2 id="months-heading">{t('byMonth')}</h2>
      <div className={styles.charts}>
        <LazyTrendChart title={t('chart.responseRate')} kind="ratio" points={months.map((month) => ({ period: month.period, value: month.figures.responseRate }))} />
        <LazyTrendChart title={t('chart.satisfactionRate')} kind="ratio" points={months.map((month) => ({ period: month.period, value: month.figures.satisfactionRate }))} />
        <LazyTrendChart title={t('chart.reported')} kind="count" points={months.map((month) => ({ period: month.period, value: month.figures.reported }))} />
      </div>
    </section>
  );
}

function CategoryFigures({ figures }: { figures: FiguresData }) {
  const { t } = useTranslation(['figures', 'common']);
  const format = useFormat();
  const name = useLocalizedName();
  const rows = figures.byCategory.filter((row) => row.figures.reported > 0).map((row) => ({ label: name(row.category), key: row.category.id, figures: row.figures }));
  if (!rows.length) return null;
  return (
    <section className={styles.section} aria-labelledby="categories-heading">
      <h2 id="categories-heading">{t('byCategory')}</h2>
      <div className={styles.charts}>
        <LazyCategoryChart title={t('chart.categoryReported')} kind="count" bars={rows.map((row) => ({ label: row.label, value: row.figures.reported }))} />
        <LazyCategoryChart title={t('chart.categoryResolution')} kind="ratio" bars={rows.map((row) => ({ label: row.label, value: row.figures.resolutionRate }))} />
      </div>
      <details className={styles.details}>
        <summary>{t('table.show')}</summary>
        {/* Focusable, so the wide table scrolls by keyboard on a phone too. */}
        <div className={styles.tableWrap} tabIndex={0} role="region" aria-labelledby="category-table-caption">
          <table className={styles.table}>
            <caption id="category-table-caption" className="visually-hidden">
              {t('table.caption')}
            </caption>
            <thead>
              <tr>
                <th scope="col">{t('table.category')}</th>
                <th scope="col">{t('table.reported')}</th>
                <th scope="col">{t('table.responseRate')}</th>
                <th scope="col">{t('table.resolutionRate')}</th>
                <th scope="col">{t('table.satisfactionRate')}</th>
              </tr>
            </thead>
            <tbody>
              {rows.map((row) => (
                <tr key={row.key}>
                  <th scope="row">{row.label}</th>
                  <td>{format.number(row.figures.reported)}</td>
                  <td>{format.percent(row.figures.responseRate)}</td>
                  <td>{format.percent(row.figures.resolutionRate)}</td>
                  <td>{format.percent(row.figures.satisfactionRate)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      </details>
    </section>
  );
}

function SessionFigures({ figures }: { figures: FiguresData }) {
  const { t } = useTranslation(['figures', 'common']);
  const format = useFormat();
  return (
    <section className={styles.section} aria-labelledby="sessions-heading">
      <h2 id="sessions-heading">{t('sessions')}</h2>
      {figures.sessions.length ? (
        <ul className={styles.sessions}>
          {figures.sessions.map((session) => (
            <li key={session.sessionId}>
              <ProgressBar label={t('sessionLine', { title: session.title, date: format.date(session.startedAt) })} value={session.participants} max={session.electorate} />
              <span className={styles.small}>{t('sessionCount', { participants: format.number(session.participants), electorate: format.number(session.electorate) })}</span>
            </li>
          ))}
        </ul>
      ) : (
        <p className={styles.small}>{t('noSessions')}</p>
      )}
    </section>
  );
}

/** Cadres and admins download the records (the server refuses anyone else). */
function Exports({ slug }: { slug: string }) {
  const { t } = useTranslation(['figures', 'common']);
  const files = ['concerns', 'decisions', 'figures'] as const;
  return (
    <section className={[styles.section, styles.exports].join(' ')} aria-labelledby="exports-heading">
      <h2 id="exports-heading">{t('exports.heading')}</h2>
      <p>{t('exports.intro')}</p>
      <ul className={styles.exportLinks}>
        {files.map((file) => (
          <li key={file}>
            <ButtonLink to={exportUrl(slug, file)} reloadDocument download>
              {t(`exports.${file}`)}
            </ButtonLink>
          </li>
        ))}
      </ul>
    </section>
  );
}
