import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import { useQuery } from 'urql';
import type { ResultOf } from '../../shared/api/graphql.ts';
import { useFormat } from '../../shared/format/useFormat.ts';
import { useRequiredParams } from '../../shared/hooks/useRequiredParams.ts';
import { localizedName } from '../../shared/i18n/localized.ts';
import { paths } from '../../shared/routing/paths.ts';
import { useViewer } from '../../shared/session/viewer.ts';
import { Button, ButtonLink } from '../../shared/ui/Button.tsx';
import { EmptyState } from '../../shared/ui/EmptyState.tsx';
import { ErrorNotice } from '../../shared/ui/ErrorNotice.tsx';
import { Loading, Skeleton } from '../../shared/ui/Loading.tsx';
import { PageHeader } from '../../shared/ui/PageHeader.tsx';
import { BoardCommunityQuery, BoardCountsQuery, BoardPageQuery } from './board.documents.ts';
import { activeFilterCount, narrowingVariables, readFilters, STATUS_GROUPS, writeFilters, type BoardFilters } from './board-filters.ts';
import styles from './board.module.css';
import { BoardFilterPanel, StatusFilter } from './BoardFilterPanel.tsx';
import { ConcernCard } from './ConcernCard.tsx';
import { useBoardLive } from './useBoardLive.ts';

/** Concerns per page: a screenful or two on a phone, and a cheap query. */
const PAGE_SIZE = 20;

export type BoardCommunity = NonNullable<ResultOf<typeof BoardCommunityQuery>['community']>;

/** `/c/:slug`: the community's concerns, by status, filtered and sorted, a page at a time. */
export function BoardPage() {
  const { t } = useTranslation(['board', 'common']);
  const { slug } = useRequiredParams('slug');
  const [{ data, fetching, error }, refetch] = useQuery({ query: BoardCommunityQuery, variables: { slug } });

  if (!data) {
    return (
      <>
        <PageHeader title={t('title')} />
        {error ? <ErrorNotice error={error} onRetry={() => refetch({ requestPolicy: 'network-only' })} /> : fetching ? <Skeleton lines={6} /> : null}
      </>
    );
  }
  if (!data.community) {
    return (
      <>
        <PageHeader title={t('notFound')} />
        <EmptyState title={t('notFound')} body={t('notFoundBody')} action={<ButtonLink to={paths.communities()}>{t('actions.goHome', { ns: 'common' })}</ButtonLink>} />
      </>
    );
  }
  return <Board community={data.community} />;
}

function Board({ community }: { community: BoardCommunity }) {
  const { t, i18n } = useTranslation(['board', 'common']);
  const viewer = useViewer();
  const [searchParams, setSearchParams] = useSearchParams();
  const filters = readFilters(searchParams);
  const setFilters = (next: BoardFilters) => setSearchParams(writeFilters(next), { replace: true, preventScrollReset: true });
  const narrowing = narrowingVariables(filters);
  const live = useBoardLive(community.id);
  const [counts] = useQuery({ query: BoardCountsQuery, variables: { communityId: community.id, ...narrowing }, context: live });
  const isMember = Boolean(community.myRole);
  const name = localizedName(i18n.language, community);

  // A new set of filters starts again from the first page.
  const listKey = searchParams.toString();
  return (
    <div className={isMember ? styles.withFab : undefined}>
      <PageHeader
        title={name}
        description={t('lead')}
      />
      {viewer.status === 'signedOut' ? (
        <p className={styles.visitorHint}>
          {t('visitorHint')} <ButtonLink to={paths.signIn(paths.board(community.slug))}>{t('visitorSignIn')}</ButtonLink>
        </p>
      ) : null}
      <StatusFilter filters={filters} counts={counts.data} onChange={setFilters} />
      <BoardFilterPanel community={community} filters={filters} onChange={setFilters} />
      <section aria-labelledby="board-list-heading">
        <h2 id="board-list-heading" className="visually-hidden">
          {t('listHeading')}
        </h2>
        <ConcernPages key={listKey} community={community} filters={filters} live={live} onClear={() => setFilters({ ...filters, categoryKey: null, groupId: null, overdue: false, status: 'all' })} />
      </section>
      {isMember ? (
        <ButtonLink to={paths.reportConcern(community.slug)} variant="primary" className={styles.fab}>
          <PlusIcon />
          {t('report')}
        </ButtonLink>
      ) : null}
    </div>
  );
}

function ConcernPages({ community, filters, live, onClear }: { community: BoardCommunity; filters: BoardFilters; live: object; onClear: () => void }) {
  const [cursors, setCursors] = useState<(string | null)[]>([null]);
  return (
    <ul className={styles.list}>
      {cursors.map((after, index) => (
        <ConcernPage
          key={after ?? 'first'}
          community={community}
          filters={filters}
          live={live}
          after={after}
          isLast={index === cursors.length - 1}
          onMore={(cursor) => setCursors((current) => (current.includes(cursor) ? current : [...current, cursor]))}
          onClear={onClear}
        />
      ))}
    </ul>
  );
}

interface ConcernPageProps {
  community: BoardCommunity;
  filters: BoardFilters;
  /** Changes when the live board asks for a fresh read. */
  live: object;
  after: string | null;
  isLast: boolean;
  onMore: (cursor: string) => void;
  onClear: () => void;
}

/** One page of the list, as list items; the last page also holds "加载更多" (and loads on scrolling). */
function ConcernPage({ community, filters, live, after, isLast, onMore, onClear }: ConcernPageProps) {
  const { t } = useTranslation(['board', 'common']);
  const format = useFormat();
  const status = STATUS_GROUPS[filters.status];
  const [{ data, fetching, error }, refetch] = useQuery({
    query: BoardPageQuery,
    variables: {
      communityId: community.id,
      status: status ? [...status] : null,
      ...narrowingVariables(filters),
      sort: filters.sort,
      first: PAGE_SIZE,
      after,
    },
    context: live,
  });
  const connection = data?.concerns;
  const next = connection?.pageInfo.hasNextPage ? connection.pageInfo.endCursor : null;
  const moreRef = useInfiniteScroll(isLast && next && !fetching ? () => onMore(next) : null);

  if (!connection) {
    return (
      <li className={styles.stateRow}>
        {error ? <ErrorNotice error={error} onRetry={() => refetch({ requestPolicy: 'network-only' })} /> : <Skeleton lines={4} />}
      </li>
    );
  }
  if (after === null && connection.edges.length === 0) {
    const filtered = filters.status !== 'all' || activeFilterCount(filters) > 0;
    return (
      <li className={styles.stateRow}>
        {filtered ? (
          <EmptyState title={t('emptyFiltered')} body={t('emptyFilteredBody')} action={<Button variant="secondary" onClick={onClear}>{t('filters.clear')}</Button>} />
        ) : (
          <EmptyState
            title={t('empty')}
            body={community.myRole ? t('emptyBody') : undefined}
            action={community.myRole ? <ButtonLink to={paths.reportConcern(community.slug)} variant="primary">{t('report')}</ButtonLink> : undefined}
          />
        )}
      </li>
    );
  }
  return (
    <>
      {connection.edges.map(({ node }) => (
        <li key={node.id}>
          <ConcernCard concern={node} slug={community.slug} />
        </li>
      ))}
      {isLast ? (
        <li ref={moreRef} className={styles.moreRow}>
          {next ? (
            <Button variant="secondary" block loading={fetching} onClick={() => onMore(next)}>
              {fetching ? t('loadingMore') : t('loadMore')}
            </Button>
          ) : fetching ? (
            <Loading />
          ) : (
            <p className={styles.end}>
              {t('end')} · {t('showing', { total: format.number(connection.totalCount) })}
            </p>
          )}
        </li>
      ) : null}
    </>
  );
}

/** Calls `load` when the element scrolls into view (with some margin), as long as it is given one. */
function useInfiniteScroll(load: (() => void) | null) {
  const ref = useRef<HTMLLIElement>(null);
  const loadRef = useRef(load);
  useEffect(() => {
    loadRef.current = load;
  });
  const active = load !== null;
  useEffect(() => {
    const element = ref.current;
    if (!active || !element || typeof IntersectionObserver === 'undefined') return;
    const observer = new IntersectionObserver(
      (entries) => {
        if (entries.some((entry) => entry.isIntersecting)) loadRef.current?.();
      },
      { rootMargin: '0px 0px 400px 0px' },
    );
    observer.observe(element);
    return () => observer.disconnect();
  }, [active]);
  return ref;
}

function PlusIcon() {
  return (
    <svg width="1.25em" height="1.25em" viewBox="0 0 24 24" fill="none" stroke="currentColor" strokeWidth={2.5} strokeLinecap="round" aria-hidden="true" focusable="false">
      <path d="M12 5v14M5 12h14" />
    </svg>
  );
}
