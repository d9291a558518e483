import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router';
import { useQuery } from 'urql';
import type { ResultOf } from '../../shared/api/graphql.ts';
import { ActionSummary } from '../../shared/actions/ActionParts.tsx';
import { useRequiredParams } from '../../shared/hooks/useRequiredParams.ts';
import { paths } from '../../shared/routing/paths.ts';
import { Button } from '../../shared/ui/Button.tsx';
import { EmptyState } from '../../shared/ui/EmptyState.tsx';
import { ErrorNotice } from '../../shared/ui/ErrorNotice.tsx';
import { Skeleton } from '../../shared/ui/Loading.tsx';
import { PageHeader } from '../../shared/ui/PageHeader.tsx';
import { ACTION_FILTERS, actionListVariables, readActionFilter, writeActionFilter, type ActionFilter } from './action-filters.ts';
import { CommunityActionsQuery } from './actions.documents.ts';
import styles from './actions.module.css';

/** Cards per page: a few screens on a phone, and a cheap query. */
const PAGE_SIZE = 20;

type ListedAction = NonNullable<ResultOf<typeof CommunityActionsQuery>['community']>['actions']['edges'][number]['node'];

/** `/c/:slug/actions`: what the community's decisions are being carried out by, filtered by status. */
export function ActionsPage() {
  const { t } = useTranslation(['actions', 'common']);
  const { slug } = useRequiredParams('slug');
  const [searchParams] = useSearchParams();
  const filter = readActionFilter(searchParams);
  // Pages after the first, by cursor; a new filter starts again from the first.
  const [cursors, setCursors] = useState<{ filter: ActionFilter; after: (string | null)[] }>({ filter, after: [null] });
  const pages = cursors.filter === filter ? cursors.after : [null];

  return (
    <>
      <PageHeader title={t('title')} description={t('intro')} />
      <nav aria-label={t('filter.label')}>
        <ul className={styles.filters}>
          {ACTION_FILTERS.map((option) => (
            <li key={option}>
              <Link
                className={styles.filter}
                to={{ search: writeActionFilter(option).toString() }}
                aria-current={option === filter ? 'page' : undefined}
                replace
                preventScrollReset
              >
                {t(`filter.${option}`)}
              </Link>
            </li>
          ))}
        </ul>
      </nav>
      {pages.map((after, index) => (
        <ActionsPageOf
          key={`${filter}-${after ?? 'first'}`}
          slug={slug}
          filter={filter}
          after={after}
          first={index === 0}
          onMore={index === pages.length - 1 ? (cursor) => setCursors({ filter, after: [...pages, cursor] }) : undefined}
        />
      ))}
    </>
  );
}

function ActionsPageOf({
  slug,
  filter,
  after,
  first,
  onMore,
}: {
  slug: string;
  filter: ActionFilter;
  after: string | null;
  first: boolean;
  onMore?: (cursor: string) => void;
}) {
  const { t } = useTranslation(['actions', 'common']);
  const [{ data, error, fetching }, refetch] = useQuery({
    query: CommunityActionsQuery,
    variables: { slug, ...actionListVariables(filter), first: PAGE_SIZE, after },
  });
  if (!data) {
    return error ? <ErrorNotice error={error} onRetry={() => refetch({ requestPolicy: 'network-only' })} /> : fetching ? <Skeleton lines={6} label={t('loading', { ns: 'common' })} /> : null;
  }
  if (!data.community) return <EmptyState title={t('notFound')} body={t('notFoundBody')} />;
  const { edges, pageInfo } = data.community.actions;
  if (first && !edges.length) {
    return filter === 'all' ? <EmptyState title={t('empty.all')} body={t('empty.allBody')} /> : <EmptyState title={t('empty.filtered')} body={t('empty.filteredBody')} />;
  }
  return (
    <>
      <ul className={styles.list}>
        {edges.map(({ node }) => (
          <li key={node.id}>
            <ActionCard slug={slug} action={node} />
          </li>
        ))}
      </ul>
      {pageInfo.hasNextPage && pageInfo.endCursor && onMore ? (
        <div className={styles.more}>
          <Button variant="secondary" block onClick={() => onMore(pageInfo.endCursor!)}>
            {t('more')}
          </Button>
        </div>
      ) : null}
    </>
  );
}

function ActionCard({ slug, action }: { slug: string; action: ListedAction }) {
  const { t } = useTranslation(['actions', 'common']);
  const tone = action.overdue ? styles.cardOverdue : action.status === 'DONE' ? styles.cardDone : undefined;
  return (
    <article className={[styles.card, tone].filter(Boolean).join(' ')}>
      <ActionSummary action={action} to={paths.action(slug, action.id)} headingLevel={2} />
      <p className={styles.concern}>
        <Link to={paths.concern(slug, action.concern.id)}>{t('forConcern', { title: action.concern.title })}</Link>
      </p>
    </article>
  );
}
