import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useQuery } from 'urql';
import { graphql, type ResultOf } from '../../shared/api/graphql.ts';
import { localizedName } from '../../shared/i18n/localized.ts';
import { paths } from '../../shared/routing/paths.ts';
import { useViewer } from '../../shared/session/viewer.ts';
import { Badge } from '../../shared/ui/Badge.tsx';
import { ButtonLink } from '../../shared/ui/Button.tsx';
import { Card } from '../../shared/ui/Card.tsx';
import { EmptyState } from '../../shared/ui/EmptyState.tsx';
import { ErrorNotice } from '../../shared/ui/ErrorNotice.tsx';
import { Skeleton } from '../../shared/ui/Loading.tsx';
import { PageHeader } from '../../shared/ui/PageHeader.tsx';
import styles from './CommunityChooserPage.module.css';

const CommunitiesQuery = graphql(`
  query Communities {
    communities {
      id
      slug
      name
      nameEn
      kind
      isPublic
      myRole
    }
  }
`);

type Community = ResultOf<typeof CommunitiesQuery>['communities'][number];

/** `/`: the viewer's communities first, then the public ones; each opens its board. */
export function CommunityChooserPage() {
  const { t } = useTranslation(['communities', 'common']);
  const viewer = useViewer();
  const [{ data, fetching, error }, refetch] = useQuery({ query: CommunitiesQuery });
  const all = data?.communities ?? [];
  const mine = all.filter((community) => community.myRole);
  const others = all.filter((community) => !community.myRole);

  return (
    <>
      <PageHeader title={t('title')} description={t('intro')} />
      {error && !data ? (
        <ErrorNotice error={error} onRetry={() => refetch({ requestPolicy: 'network-only' })} />
      ) : fetching && !data ? (
        <Skeleton lines={4} />
      ) : all.length === 0 ? (
        <EmptyState title={t('none')} body={t('noneBody')} action={<ButtonLink to={paths.register()}>{t('join.register')}</ButtonLink>} />
      ) : (
        <>
          {mine.length ? <CommunityList title={t('mine')} communities={mine} /> : null}
          {others.length ? <CommunityList title={t('public')} intro={t('publicIntro')} communities={others} /> : null}
        </>
      )}
      {viewer.status === 'signedOut' ? (
        <Card as="section" aria-labelledby="join-title" className={styles.join}>
          <h2 id="join-title">{t('join.title')}</h2>
          <p>{t('join.body')}</p>
          <div className={styles.joinActions}>
            <ButtonLink to={paths.register()} variant="primary">
              {t('join.register')}
            </ButtonLink>
            <ButtonLink to={paths.signIn()}>{t('join.signIn')}</ButtonLink>
          </div>
        </Card>
      ) : null}
    </>
  );
}

function CommunityList({ title, intro, communities }: { title: string; intro?: string; communities: readonly Community[] }) {
  const { t, i18n } = useTranslation(['communities', 'common']);
  const english = i18n.language.startsWith('en');
  return (
    <section className={styles.section}>
      <h2>{title}</h2>
      {intro ? <p className={styles.intro}>{intro}</p> : null}
      <ul className={styles.list}>
        {communities.map((community) => {
          const name = localizedName(i18n.language, community);
          const otherName = english ? community.name : community.nameEn;
          return (
            <li key={community.id}>
              <Link to={paths.board(community.slug)} className={styles.community}>
                <span className={styles.badges}>
                  <Badge tone="info">{t(`kind.${community.kind}`)}</Badge>
                  {community.myRole ? <Badge tone="success">{t('yourRole', { role: t(`role.${community.myRole}`) })}</Badge> : null}
                </span>
                <span className={styles.name}>{name}</span>
                {otherName && otherName !== name ? (
                  <span className={styles.otherName} lang={english ? 'zh-CN' : 'en'}>
                    {otherName}
                  </span>
                ) : null}
                <span className={styles.arrow} aria-hidden="true">
                  →
                </span>
              </Link>
            </li>
          );
        })}
      </ul>
    </section>
  );
}
