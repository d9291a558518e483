import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router';
import { useMutation, useQuery } from 'urql';
import type { ResultOf } from '../../shared/api/graphql.ts';
import { mutationOutcome } from '../../shared/api/mutation-result.ts';
import { useLocalizedName } from '../../shared/i18n/localized.ts';
import { paths } from '../../shared/routing/paths.ts';
import { useViewer } from '../../shared/session/viewer.ts';
import { Button, ButtonLink } from '../../shared/ui/Button.tsx';
import { EmptyState } from '../../shared/ui/EmptyState.tsx';
import { ErrorNotice } from '../../shared/ui/ErrorNotice.tsx';
import { Select, TextField } from '../../shared/ui/Field.tsx';
import { Skeleton } from '../../shared/ui/Loading.tsx';
import { PageHeader } from '../../shared/ui/PageHeader.tsx';
import { useAnnouncer } from '../../shared/ui/Toast.tsx';
import { isCadreRole } from '../../shared/session/roles.ts';
import { AdoptRuleMutation, MyCommunitiesQuery, PracticeLibraryQuery } from './rules.documents.ts';
import styles from './rules.module.css';
import { RuleMeta } from './RuleSummary.tsx';

const PAGE_SIZE = 20;

type LibraryRule = NonNullable<ResultOf<typeof PracticeLibraryQuery>['practiceLibrary']>['edges'][number]['node'];
interface Target {
  id: string;
  slug: string;
  name: string;
}

/** `/library`: rules in force that public communities share, searchable; cadres adopt a copy into their own community. */
export function LibraryPage() {
  const { t } = useTranslation(['rules', 'common']);
  const [searchParams, setSearchParams] = useSearchParams();
  const search = searchParams.get('q') ?? '';
  const [text, setText] = useState(search);
  const [pages, setPages] = useState<{ search: string; after: (string | null)[] }>({ search, after: [null] });
  const after = pages.search === search ? pages.after : [null];
  const targets = useAdoptTargets();

  const submit = (event: FormEvent) => {
    event.preventDefault();
    setSearchParams(text.trim() ? { q: text.trim() } : {}, { replace: true });
  };
  return (
    <>
      <PageHeader title={t('libraryTitle')} description={t('libraryIntro')} />
      <form className={styles.search} role="search" onSubmit={submit}>
        <TextField label={t('library.search')} hint={t('library.searchHint')} type="search" value={text} onChange={(event) => setText(event.target.value)} />
        <Button type="submit" variant="secondary">
          {t('library.searchButton')}
        </Button>
      </form>
      {after.map((cursor, index) => (
        <LibraryPageOf
          key={`${search}-${cursor ?? 'first'}`}
          search={search}
          after={cursor}
          first={index === 0}
          targets={targets}
          onMore={index === after.length - 1 ? (next) => setPages({ search, after: [...after, next] }) : undefined}
        />
      ))}
    </>
  );
}

/** Where the signed-in viewer may adopt rules: the communities where they are a cadre or an admin. */
function useAdoptTargets(): Target[] {
  const viewer = useViewer();
  const name = useLocalizedName();
  const [{ data }] = useQuery({ query: MyCommunitiesQuery, pause: viewer.status !== 'signedIn' });
  return (data?.me?.memberships ?? [])
    .filter((membership) => membership.status === 'ACTIVE' && isCadreRole(membership.role))
    .map((membership) => ({ id: membership.community.id, slug: membership.community.slug, name: name(membership.community) }));
}

function LibraryPageOf({ search, after, first, targets, onMore }: { search: string; after: string | null; first: boolean; targets: Target[]; onMore?: (cursor: string) => void }) {
  const { t } = useTranslation(['rules', 'common']);
  const [{ data, error, fetching }, refetch] = useQuery({ query: PracticeLibraryQuery, variables: { search: search || null, first: PAGE_SIZE, after } });
  if (!data) return error ? <ErrorNotice error={error} onRetry={() => refetch({ requestPolicy: 'network-only' })} /> : fetching ? <Skeleton lines={6} /> : null;
  const { edges, pageInfo } = data.practiceLibrary;
  if (first && !edges.length) return <EmptyState title={t('library.empty')} body={t('library.emptyBody')} />;
  return (
    <>
      <ul className={styles.list}>
        {edges.map(({ node }) => (
          <li key={node.id}>
            <LibraryCard rule={node} targets={targets.filter((target) => target.id !== node.community.id)} />
          </li>
        ))}
      </ul>
      {pageInfo.hasNextPage && pageInfo.endCursor && onMore ? (
        <div className={styles.more}>
          <Button variant="secondary" block onClick={() => onMore(pageInfo.endCursor!)}>
            {t('library.more')}
          </Button>
        </div>
      ) : null}
    </>
  );
}

function LibraryCard({ rule, targets }: { rule: LibraryRule; targets: Target[] }) {
  const { t } = useTranslation(['rules', 'common']);
  const name = useLocalizedName();
  const source = rule.adoptedFrom?.sourceRule;
  return (
    <article className={styles.card} aria-labelledby={`library-${rule.id}`}>
      <p className={styles.meta}>{rule.fromMyCommunity ? t('library.mine') : t('library.from', { community: name(rule.community) })}</p>
      <h3 id={`library-${rule.id}`}>
        <Link to={paths.rule(rule.community.slug, rule.id)}>{rule.title}</Link>
      </h3>
      <RuleMeta rule={rule} />
      {source ? (
        <p className={styles.meta}>
          <Link to={paths.rule(source.community.slug, source.id)}>{t('library.copiedFrom', { community: name(source.community), title: source.title })}</Link>
        </p>
      ) : null}
      <p className={styles.excerpt}>{rule.body}</p>
      {targets.length ? <AdoptForm rule={rule} targets={targets} /> : null}
    </article>
  );
}

/** A cadre copies the rule into one of their communities as a draft, which links back to this one. */
function AdoptForm({ rule, targets }: { rule: LibraryRule; targets: Target[] }) {
  const { t } = useTranslation(['rules', 'common']);
  const announcer = useAnnouncer();
  const [targetId, setTargetId] = useState(targets[0]!.id);
  const [error, setError] = useState<unknown>(null);
  const [copy, setCopy] = useState<{ slug: string; id: string } | null>(null);
  const [{ fetching }, adopt] = useMutation(AdoptRuleMutation);
  const target = targets.find((candidate) => candidate.id === targetId) ?? targets[0]!;
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (fetching) return;
    const result = await adopt({ ruleId: rule.id, communityId: target.id });
    const outcome = mutationOutcome(result.error, result.data?.adoptRule);
    if (!outcome.ok) return setError(outcome.error);
    setError(null);
    setCopy({ slug: outcome.data.community.slug, id: outcome.data.id });
    announcer.toast(t('library.adopted'), { tone: 'success' });
  };
  if (copy) {
    return (
      <p role="status">
        {t('library.adopted')} <ButtonLink to={paths.rule(copy.slug, copy.id)}>{t('library.openCopy')}</ButtonLink>
      </p>
    );
  }
  return (
    <form onSubmit={(event) => void submit(event)}>
      {error ? <ErrorNotice error={error} title={t('manage.failed')} /> : null}
      {targets.length > 1 ? (
        <Select label={t('library.adoptTo')} value={targetId} onChange={(event) => setTargetId(event.target.value)} options={targets.map((option) => ({ value: option.id, label: option.name }))} />
      ) : null}
      <Button type="submit" variant="secondary" loading={fetching} aria-describedby={`library-${rule.id}`}>
        {targets.length > 1 ? t('library.adopt') : t('library.adoptInto', { community: target.name })}
      </Button>
    </form>
  );
}
