import { useEffect, useId, useRef, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useQuery } from 'urql';
import { graphql, type ResultOf } from '../../shared/api/graphql.ts';
import { MutationErrorFields, mutationOutcome } from '../../shared/api/mutation-result.ts';
import { sendMultipart } from '../../shared/api/upload.ts';
import { useFieldErrors } from '../../shared/errors/useFieldErrors.ts';
import { useFormat } from '../../shared/format/useFormat.ts';
import { useRequiredParams } from '../../shared/hooks/useRequiredParams.ts';
import { localizedName } from '../../shared/i18n/localized.ts';
import { paths } from '../../shared/routing/paths.ts';
import { useViewer } from '../../shared/session/viewer.ts';
import { Button, ButtonLink } from '../../shared/ui/Button.tsx';
import { Card } from '../../shared/ui/Card.tsx';
import { EmptyState } from '../../shared/ui/EmptyState.tsx';
import { ErrorNotice } from '../../shared/ui/ErrorNotice.tsx';
import { Select, TextArea, TextField } from '../../shared/ui/Field.tsx';
import { CheckIcon } from '../../shared/ui/icons.tsx';
import { Skeleton } from '../../shared/ui/Loading.tsx';
import { PageHeader } from '../../shared/ui/PageHeader.tsx';
import { ProgressBar } from '../../shared/ui/ProgressBar.tsx';
import { PhotoPicker } from '../../shared/ui/PhotoPicker.tsx';
import styles from './ReportConcernPage.module.css';

/** The server's limits (ReportConcernInput), said in the hints and enforced by maxLength. */
const MAX_TITLE = 80;
const MAX_BODY = 2000;
const MAX_PLACE = 120;
const MAX_PHOTOS = 4;

const ReportContextQuery = graphql(`
  query ReportContext($slug: String!) {
    community(slug: $slug) {
      id
      slug
      name
      nameEn
      myRole
      categories {
        id
        key
        name
        nameEn
        echoHours
      }
      groups {
        id
        name
        nameEn
      }
    }
    me {
      memberships {
        id
        community {
          id
        }
        group {
          id
        }
      }
    }
  }
`);

const ReportConcernMutation = graphql(
  `
    mutation ReportConcern($input: ReportConcernInput!) {
      reportConcern(input: $input) {
        __typename
        ... on ReportConcernSuccess {
          data {
            id
            title
            status
            deadlineAt
          }
        }
        ...MutationErrorFields
      }
    }
  `,
  [MutationErrorFields],
);

type Community = NonNullable<ResultOf<typeof ReportContextQuery>['community']>;
type Reported = { id: string; title: string; deadlineAt: string };

/** `/c/:slug/report`: a member reports a concern, with photos if they like. */
export function ReportConcernPage() {
  const { t } = useTranslation(['board', 'common']);
  const { slug } = useRequiredParams('slug');
  const viewer = useViewer();
  const [{ data, fetching, error }, refetch] = useQuery({ query: ReportContextQuery, variables: { slug } });
  const [reported, setReported] = useState<Reported | null>(null);
  const [formKey, setFormKey] = useState(0);

  const back = { to: paths.board(slug), label: t('form.backToBoard') };
  if (!data) {
    return (
      <>
        <PageHeader title={t('form.title')} back={back} />
        {error ? <ErrorNotice error={error} onRetry={() => refetch({ requestPolicy: 'network-only' })} /> : fetching ? <Skeleton lines={6} /> : null}
      </>
    );
  }
  const community = data.community;
  if (!community || !community.myRole) {
    return (
      <>
        <PageHeader title={t('form.title')} back={back} />
        <EmptyState
          title={t('form.membersOnly')}
          action={
            viewer.status !== 'signedIn' ? (
              <ButtonLink to={paths.signIn(paths.reportConcern(slug))} variant="primary">
                {t('visitorSignIn')}
              </ButtonLink>
            ) : undefined
          }
        />
      </>
    );
  }
  if (reported) {
    return (
      <Reported
        slug={slug}
        concern={reported}
        onAnother={() => {
          setReported(null);
          setFormKey((key) => key + 1);
        }}
      />
    );
  }
  const ownGroupId = data.me?.memberships.find((membership) => membership.community.id === community.id)?.group?.id ?? null;
  return (
    <>
      <PageHeader title={t('form.title')} description={t('form.intro')} back={back} />
      <ReportForm key={formKey} community={community} defaultGroupId={ownGroupId} onReported={setReported} />
    </>
  );
}

interface ReportFormProps {
  community: Community;
  defaultGroupId: string | null;
  onReported: (concern: Reported) => void;
}

function ReportForm({ community, defaultGroupId, onReported }: ReportFormProps) {
  const { t, i18n } = useTranslation(['board', 'common']);
  const publicId = useId();
  const [categoryId, setCategoryId] = useState('');
  const [groupId, setGroupId] = useState(defaultGroupId ?? '');
  const [title, setTitle] = useState('');
  const [body, setBody] = useState('');
  const [place, setPlace] = useState('');
  const [photos, setPhotos] = useState<File[]>([]);
  const [reporterPublic, setReporterPublic] = useState(false);
  const { error, setError, issues, edited } = useFieldErrors();
  const [sending, setSending] = useState(false);
  const [progress, setProgress] = useState<number | null>(null);

  const fastest = Math.min(...community.categories.map((category) => category.echoHours));
  const required = { __typename: 'ValidationError' as const };

  const submit = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    if (sending) return;
    // The plain mistakes are caught here, in the same words the server's answer would bring.
    const missing = (
      [
        ['categoryId', categoryId],
        ['title', title.trim()],
        ['body', body.trim()],
        ['place', place.trim()],
      ] as const
    )
      .filter(([, value]) => !value)
      .map(([field]) => ({ path: ['input', field], message: 'Required', code: 'REQUIRED' }));
    if (missing.length) {
      setError({ ...required, issues: missing });
      focusFirstProblem();
      return;
    }
    setError(null);
    setSending(true);
    setProgress(photos.length ? 0 : null);
    const result = await sendMultipart(
      ReportConcernMutation,
      {
        input: {
          communityId: community.id,
          categoryId,
          groupId: groupId || null,
          title: title.trim(),
          body: body.trim(),
          place: place.trim(),
          photos: photos.length ? photos : null,
          reporterPublic,
        },
      },
      { onProgress: photos.length ? setProgress : undefined },
    );
    setSending(false);
    setProgress(null);
    const outcome = mutationOutcome(result.error, result.data?.reportConcern);
    if (!outcome.ok) {
      setError(outcome.error);
      focusFirstProblem();
      return;
    }
    onReported(outcome.data);
  };

  return (
    <Card as="section">
      <form onSubmit={(event) => void submit(event)} noValidate>
        {error ? <ErrorNotice error={error} title={t('form.failed')} /> : null}
        <Select
          label={t('form.category')}
          hint={Number.isFinite(fastest) ? t('form.categoryHint', { hours: fastest }) : undefined}
          required
          value={categoryId}
          placeholder={t('form.categoryPlaceholder')}
          options={community.categories.map((category) => ({
            value: category.id,
            label: t('form.echoHours', { name: localizedName(i18n.language, category), hours: category.echoHours }),
          }))}
          onChange={(event) => {
            setCategoryId(event.target.value);
            edited('categoryId');
          }}
          error={issues.categoryId}
        />
        {community.groups.length ? (
          <Select
            label={t('form.group')}
            value={groupId}
            placeholder={t('form.groupPlaceholder')}
            options={community.groups.map((group) => ({ value: group.id, label: localizedName(i18n.language, group) }))}
            onChange={(event) => {
              setGroupId(event.target.value);
              edited('groupId');
            }}
            error={issues.groupId}
          />
        ) : null}
        <TextField
          label={t('form.titleLabel')}
          hint={t('form.titleHint', { max: MAX_TITLE })}
          required
          maxLength={MAX_TITLE}
          value={title}
          onChange={(event) => {
            setTitle(event.target.value);
            edited('title');
          }}
          error={issues.title}
        />
        <TextArea
          label={t('form.body')}
          hint={t('form.bodyHint', { max: MAX_BODY })}
          required
          rows={5}
          maxLength={MAX_BODY}
          value={body}
          onChange={(event) => {
            setBody(event.target.value);
            edited('body');
          }}
          error={issues.body}
        />
        <TextField
          label={t('form.place')}
          hint={t('form.placeHint')}
          required
          maxLength={MAX_PLACE}
          value={place}
          onChange={(event) => {
            setPlace(event.target.value);
            edited('place');
          }}
          error={issues.place}
        />
        <PhotoPicker
          max={MAX_PHOTOS}
          photos={photos}
          onChange={(next) => {
            setPhotos(next);
            edited('photos');
          }}
          error={issues.photos}
        />
        <div className={styles.check}>
          <input id={publicId} type="checkbox" checked={reporterPublic} aria-describedby={`${publicId}-hint`} onChange={(event) => setReporterPublic(event.target.checked)} />
          <label htmlFor={publicId}>{t('form.reporterPublic')}</label>
        </div>
        <p id={`${publicId}-hint`} className={styles.checkHint}>
          {t('form.reporterPublicHint')}
        </p>
        {progress !== null ? (
          <div className={styles.progress} aria-live="polite">
            <ProgressBar label={t('form.uploading')} value={Math.round(progress * 100)} />
          </div>
        ) : null}
        <div className={styles.actions}>
          <Button type="submit" block loading={sending}>
            {sending ? t('form.submitting') : t('form.submit')}
          </Button>
          <ButtonLink to={paths.board(community.slug)} variant="quiet" block>
            {t('form.cancel')}
          </ButtonLink>
        </div>
      </form>
    </Card>
  );
}

function focusFirstProblem() {
  window.requestAnimationFrame(() => document.querySelector<HTMLElement>('[aria-invalid="true"], [role="alert"]')?.focus());
}

/** The success state: what happens next, and by when. */
function Reported({ slug, concern, onAnother }: { slug: string; concern: Reported; onAnother: () => void }) {
  const { t } = useTranslation(['board', 'common']);
  const format = useFormat();
  const headingRef = useRef<HTMLHeadingElement>(null);
  useEffect(() => headingRef.current?.focus(), []);
  return (
    <>
      <PageHeader title={t('form.successTitle')} />
      <Card as="section" className={styles.success}>
        <h2 ref={headingRef} tabIndex={-1} className={styles.successTitle}>
          <CheckIcon />
          {concern.title}
        </h2>
        <p className={styles.successBody}>
          {t('form.successBody', { deadline: format.dateTime(concern.deadlineAt), relative: format.relative(concern.deadlineAt) })}
        </p>
        <div className={styles.actions}>
          <ButtonLink to={paths.concern(slug, concern.id)} variant="primary" block>
            {t('form.viewConcern')}
          </ButtonLink>
          <ButtonLink to={paths.board(slug)} block>
            {t('form.backToBoard')}
          </ButtonLink>
          <button type="button" className={styles.linkButton} onClick={onAnother}>
            {t('form.reportAnother')}
          </button>
        </div>
      </Card>
    </>
  );
}
