import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router';
import { useMutation, useQuery } from 'urql';
import { mutationOutcome } from '../../shared/api/mutation-result.ts';
import { useFieldErrors } from '../../shared/errors/useFieldErrors.ts';
import { useFormat } from '../../shared/format/useFormat.ts';
import { useRequiredParams } from '../../shared/hooks/useRequiredParams.ts';
import { paths } from '../../shared/routing/paths.ts';
import { Badge } from '../../shared/ui/Badge.tsx';
import { Button } from '../../shared/ui/Button.tsx';
import { Card } from '../../shared/ui/Card.tsx';
import { Dialog } from '../../shared/ui/Dialog.tsx';
import { EmptyState } from '../../shared/ui/EmptyState.tsx';
import { ErrorNotice } from '../../shared/ui/ErrorNotice.tsx';
import { TextField } from '../../shared/ui/Field.tsx';
import { Skeleton } from '../../shared/ui/Loading.tsx';
import { PageHeader } from '../../shared/ui/PageHeader.tsx';
import { useAnnouncer } from '../../shared/ui/Toast.tsx';
import { groupSessions } from './room.ts';
import { ChairChoicesQuery, CommunitySessionsQuery, ScheduleChoicesQuery, ScheduleSessionMutation } from './session.documents.ts';
import styles from './session.module.css';
import type { ResultOf } from '../../shared/api/graphql.ts';

type SessionRow = NonNullable<ResultOf<typeof CommunitySessionsQuery>['community']>['liveSessions'][number];

const STATUS_TONES = { LIVE: 'success', SCHEDULED: 'info', ENDED: 'neutral', CANCELLED: 'neutral' } as const;

/** The community's sessions: under way, coming up and lately over; cadres schedule new ones here. */
export function SessionsPage() {
  const { t } = useTranslation(['session', 'common']);
  const { slug } = useRequiredParams('slug');
  const [scheduling, setScheduling] = useState(false);
  const [{ data, error }, refetch] = useQuery({ query: CommunitySessionsQuery, variables: { slug } });
  const community = data?.community;
  const isCadre = community?.myRole === 'CADRE' || community?.myRole === 'ADMIN';

  return (
    <>
      <PageHeader
        title={t('list.title')}
        description={t('list.intro')}
        actions={
          isCadre ? (
            <Button variant="primary" onClick={() => setScheduling(true)}>
              {t('list.schedule')}
            </Button>
          ) : null
        }
      />
      {!data ? (
        error ? (
          <ErrorNotice error={error} onRetry={() => refetch({ requestPolicy: 'network-only' })} />
        ) : (
          <Skeleton lines={4} />
        )
      ) : community ? (
        <SessionGroups slug={slug} sessions={community.liveSessions} />
      ) : (
        <EmptyState title={t('list.noneUpcoming')} />
      )}
      {community && isCadre ? (
        <ScheduleDialog open={scheduling} onClose={() => setScheduling(false)} slug={slug} communityId={community.id} isAdmin={community.myRole === 'ADMIN'} />
      ) : null}
    </>
  );
}

function SessionGroups({ slug, sessions }: { slug: string; sessions: readonly SessionRow[] }) {
  const { t } = useTranslation(['session', 'common']);
  const groups = groupSessions(sessions);
  const sections = [
    { key: 'live', title: t('list.live'), empty: t('list.noneLive'), rows: groups.live },
    { key: 'upcoming', title: t('list.upcoming'), empty: t('list.noneUpcoming'), rows: groups.upcoming },
    { key: 'past', title: t('list.past'), empty: t('list.nonePast'), rows: groups.past },
  ];
  return (
    <>
      {sections.map((section) => (
        <section key={section.key} className={styles.section} aria-labelledby={`sessions-${section.key}`}>
          <h2 id={`sessions-${section.key}`}>{section.title}</h2>
          {section.rows.length ? (
            <ul className={styles.cards}>
              {section.rows.map((session) => (
                <li key={session.id}>
                  <SessionCard slug={slug} session={session} />
                </li>
              ))}
            </ul>
          ) : (
            <p className={styles.muted}>{section.empty}</p>
          )}
        </section>
      ))}
    </>
  );
}

function SessionCard({ slug, session }: { slug: string; session: SessionRow }) {
  const { t } = useTranslation(['session', 'common']);
  const format = useFormat();
  return (
    <Card as="article" className={styles.sessionCard}>
      <Badge tone={STATUS_TONES[session.status]}>{t(`status.${session.status}`)}</Badge>
      <h3 className={styles.cardTitle}>
        <Link to={paths.session(slug, session.id)}>{session.title}</Link>
      </h3>
      <p>
        <time dateTime={session.startedAt ?? session.scheduledAt}>{format.dateTime(session.startedAt ?? session.scheduledAt)}</time>
        {' · '}
        {t('list.items', { count: session.agenda.length })}
      </p>
      {session.place ? <p className={styles.muted}>{t('list.place', { place: session.place })}</p> : null}
    </Card>
  );
}

/** A `datetime-local` value for a date, in the browser's own time zone. */
function localInputValue(date: Date): string {
  const pad = (value: number) => String(value).padStart(2, '0');
  return `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}T${pad(date.getHours())}:${pad(date.getMinutes())}`;
}

function ScheduleDialog({ open, onClose, slug, communityId, isAdmin }: { open: boolean; onClose: () => void; slug: string; communityId: string; isAdmin: boolean }) {
  const { t } = useTranslation(['session', 'common']);
  const announcer = useAnnouncer();
  const navigate = useNavigate();
  const [{ data, error: loadError }] = useQuery({ query: ScheduleChoicesQuery, variables: { slug }, pause: !open });
  const [{ data: chairChoices }] = useQuery({ query: ChairChoicesQuery, variables: { slug }, pause: !open || !isAdmin });
  const [{ fetching }, schedule] = useMutation(ScheduleSessionMutation);
  const { error, setError, issues, edited } = useFieldErrors();
  const [title, setTitle] = useState('');
  const [place, setPlace] = useState('');
  const [when, setWhen] = useState(() => localInputValue(new Date(Date.now() + 24 * 3600 * 1000)));
  const [chairIds, setChairIds] = useState<string[]>([]);
  const [agenda, setAgenda] = useState<string[]>([]);
  const [quorum, setQuorum] = useState('');
  const [threshold, setThreshold] = useState('');
  const [phaseMinutes, setPhaseMinutes] = useState('10');
  const [talliesHidden, setTalliesHidden] = useState(false);
  const community = data?.community;
  const concerns = community?.concerns.edges.map((edge) => edge.node) ?? [];
  const chairCommunity = chairChoices?.community;
  const chairs = [...(chairCommunity?.cadres.edges ?? []), ...(chairCommunity?.admins.edges ?? [])].map((edge) => edge.node.user);
  const toggle = (list: string[], id: string) => (list.includes(id) ? list.filter((other) => other !== id) : [...list, id]);
  const number = (value: string) => (value.trim() === '' ? null : Number(value));

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (fetching) return;
    const scheduledAt = new Date(when);
    const minutes = number(phaseMinutes);
    const result = await schedule({
      input: {
        communityId,
        title: title.trim(),
        place: place.trim() || null,
        scheduledAt: Number.isNaN(scheduledAt.getTime()) ? when : scheduledAt.toISOString(),
        chairIds: chairIds.length ? chairIds : null,
        agenda,
        rules: {
          quorumPercent: number(quorum) ?? community?.settings.quorumPercent ?? null,
          thresholdPercent: number(threshold) ?? community?.settings.thresholdPercent ?? null,
          phaseSeconds: minutes === null ? null : Math.round(minutes * 60),
          talliesHidden,
        },
      },
    });
    const outcome = mutationOutcome(result.error, result.data?.scheduleSession);
    if (!outcome.ok) {
      setError(outcome.error);
      return;
    }
    setError(null);
    onClose();
    announcer.toast(t('schedule.done'), { tone: 'success' });
    void navigate(paths.session(slug, outcome.data.id));
  };

  return (
    <Dialog
      open={open}
      onClose={onClose}
      title={t('schedule.title')}
      footer={
        <>
          <Button variant="secondary" onClick={onClose}>
            {t('actions.cancel', { ns: 'common' })}
          </Button>
          <Button type="submit" form="schedule-session" loading={fetching}>
            {t('schedule.submit')}
          </Button>
        </>
      }
    >
      <form id="schedule-session" onSubmit={(event) => void submit(event)} noValidate>
        <p>{t('schedule.intro')}</p>
        {error ? <ErrorNotice error={error} title={t('schedule.failed')} /> : null}
        {loadError ? <ErrorNotice error={loadError} /> : null}
        <TextField
          label={t('schedule.titleLabel')}
          required
          maxLength={120}
          value={title}
          onChange={(event) => {
            setTitle(event.target.value);
            edited('title');
          }}
          error={issues.title}
        />
        <TextField label={t('schedule.placeLabel')} maxLength={120} value={place} onChange={(event) => setPlace(event.target.value)} error={issues.place} />
        <TextField
          label={t('schedule.whenLabel')}
          type="datetime-local"
          required
          value={when}
          onChange={(event) => {
            setWhen(event.target.value);
            edited('scheduledAt');
          }}
          error={issues.scheduledAt}
        />
        <fieldset className={styles.choices}>
          <legend>{t('schedule.agendaLabel')}</legend>
          <p className={styles.muted}>{t('schedule.agendaHint')}</p>
          {issues.agenda ? <p className={styles.fieldError}>{issues.agenda}</p> : null}
          {!data ? <Skeleton lines={2} /> : concerns.length === 0 ? <p>{t('schedule.noConcerns')}</p> : null}
          {concerns.map((concern) => (
            <label key={concern.id} className={styles.check}>
              <input type="checkbox" checked={agenda.includes(concern.id)} onChange={() => setAgenda((list) => toggle(list, concern.id))} />
              <span>
                {agenda.includes(concern.id) ? `${agenda.indexOf(concern.id) + 1}. ` : ''}
                {concern.title}
              </span>
            </label>
          ))}
        </fieldset>
        {chairs.length ? (
          <fieldset className={styles.choices}>
            <legend>{t('schedule.chairsLabel')}</legend>
          {chairs.map((user) => (
            <label key={user.id} className={styles.check}>
              <input type="checkbox" checked={chairIds.includes(user.id)} onChange={() => setChairIds((list) => toggle(list, user.id))} />
              <span>{user.displayName}</span>
            </label>
          ))}
          </fieldset>
        ) : null}
        <fieldset className={styles.choices}>
          <legend>{t('schedule.rules')}</legend>
          <TextField
            label={t('schedule.quorumLabel')}
            type="number"
            inputMode="numeric"
            min={0}
            max={100}
            placeholder={community ? String(community.settings.quorumPercent) : undefined}
            value={quorum}
            onChange={(event) => setQuorum(event.target.value)}
            error={issues.quorumPercent}
          />
          <TextField
            label={t('schedule.thresholdLabel')}
            type="number"
            inputMode="numeric"
            min={1}
            max={100}
            placeholder={community ? String(community.settings.thresholdPercent) : undefined}
            value={threshold}
            onChange={(event) => setThreshold(event.target.value)}
            error={issues.thresholdPercent}
          />
          <TextField
            label={t('schedule.phaseMinutesLabel')}
            type="number"
            inputMode="numeric"
            min={1}
            value={phaseMinutes}
            onChange={(event) => setPhaseMinutes(event.target.value)}
            error={issues.phaseSeconds}
          />
          <label className={styles.check}>
            <input type="checkbox" checked={talliesHidden} onChange={(event) => setTalliesHidden(event.target.checked)} />
            <span>{t('schedule.talliesHiddenLabel')}</span>
          </label>
        </fieldset>
      </form>
    </Dialog>
  );
}
