import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { Link, useParams } from 'react-router';
import { api, ApiError } from '../../api/client';
import { relativeTime, useLocale, useT } from '../../i18n/i18n';
import { allowedActions, maxSuspendDays, nextStatuses, reviewBody, type ModerationAction, type ReportStatus } from '../../lib/moderation';
import { Button } from '../../ui/Button';
import { ErrorState, Spinner } from '../../ui/States';
import { TextArea, TextField } from '../../ui/TextField';
import { targetPath, type AdminReport } from './adminApi';
import { StatusBadge } from './AdminReportsPage';
import { RequireAdmin } from './RequireAdmin';

/** One report: who reported what and why, and the review (take it in review, then resolve or reject with an action). */
export default function AdminReportPage() {
  return <RequireAdmin><ReportDetail /></RequireAdmin>;
}

function ReportDetail() {
  const t = useT();
  const locale = useLocale((s) => s.locale);
  const uuid = useParams().uuid ?? '';
  const report = useQuery({
    queryKey: ['admin', 'report', uuid],
    queryFn: ({ signal }) => api<AdminReport>(`/reports/${encodeURIComponent(uuid)}/`, { signal }),
  });

  if (report.isPending) return <Spinner />;
  if (report.isError) {
    const missing = report.error instanceof ApiError && (report.error.status === 404 || report.error.status === 400);
    return <ErrorState message={missing ? t('common.notFound') : undefined} onRetry={missing ? undefined : () => report.refetch()} />;
  }

  const r = report.data;
  const link = targetPath(r);
  return (
    <>
      <p><Link to="/admin">{t('admin.report.back')}</Link></p>
      <h1>{t('admin.report.heading')} <StatusBadge status={r.status} /></h1>
      <dl className="report-facts">
        <dt>{t('admin.report.target')}</dt>
        <dd>{t(`admin.type.${r.target_type}`)}{link && <> · <Link to={link}>{t('admin.report.open')}</Link></>}</dd>
        <dt>{t('admin.report.targetUser')}</dt>
        <dd>{r.target_user ? <Link to={`/users/${r.target_user.handle}`}>@{r.target_user.handle}</Link> : t('admin.report.goneUser')}</dd>
        <dt>{t('admin.report.reporter')}</dt>
        <dd><Link to={`/users/${r.reporter.handle}`}>@{r.reporter.handle}</Link></dd>
        <dt>{t('admin.report.reason')}</dt>
        <dd>{t(`report.reason.${r.reason}`)}</dd>
        <dt>{t('admin.report.detail')}</dt>
        <dd>{r.detail || <span className="muted">{t('admin.report.noDetail')}</span>}</dd>
        <dt>{t('admin.report.created')}</dt>
        <dd><time dateTime={r.created_at}>{relativeTime(locale, r.created_at)}</time></dd>
        {r.action && (<><dt>{t('admin.report.action')}</dt><dd data-testid="report-action">{t(`admin.action.${r.action}`)}</dd></>)}
        {r.handled_by && r.handled_at && (
          <><dt>{t('admin.report.handled')}</dt><dd>{t('admin.report.handledBy', { who: `@${r.handled_by}`, when: relativeTime(locale, r.handled_at) })}</dd></>
        )}
        {r.admin_note && (<><dt>{t('admin.report.note')}</dt><dd>{r.admin_note}</dd></>)}
      </dl>
      <Review report={r} />
    </>
  );
}

function Review({ report }: { report: AdminReport }) {
  const t = useT();
  const queryClient = useQueryClient();
  const moves = nextStatuses(report.status);
  const actions = allowedActions(report.target_type, report.target_user !== null);
  const [chosen, setDecision] = useState<ReportStatus | null>(null);
  // A choice made for an earlier status does not carry over (the page may have reloaded a newer state).
  const decision = chosen && moves.includes(chosen) ? chosen : moves.length === 1 ? moves[0] : null;
  const [action, setAction] = useState<ModerationAction>('none');
  const [days, setDays] = useState('7');
  const [note, setNote] = useState('');

  const review = useMutation({
    mutationFn: (body: Record<string, unknown>) =>
      api<AdminReport>(`/reports/${report.uuid}/`, { method: 'PATCH', body }),
    onSuccess: (updated) => {
      setNote('');
      queryClient.setQueryData(['admin', 'report', report.uuid], updated);
      void queryClient.invalidateQueries({ queryKey: ['admin', 'reports'] });
      void queryClient.invalidateQueries({ queryKey: ['admin', 'stats'] });
    },
    onError: (error) => {
      // A 409 means the report moved meanwhile (or the move is not allowed from here): show the latest state.
      if (error instanceof ApiError && error.status === 409) {
        void queryClient.invalidateQueries({ queryKey: ['admin', 'report', report.uuid] });
      }
    },
  });

  function submit(event: { preventDefault(): void }, status: ReportStatus | null) {
    event.preventDefault();
    review.mutate(reviewBody({ status, note, action, suspendDays: Number(days) }));
  }

  const error = review.error instanceof ApiError ? review.error : null;
  return (
    <section className="review" aria-labelledby="review-heading">
      <h2 id="review-heading">{t('admin.review.heading')}</h2>
      <form className="form" onSubmit={(e) => submit(e, decision)}>
        {moves.length === 0 && <p className="muted">{t('admin.review.closed')}</p>}
        {moves.length > 1 && (
          <fieldset className="radios">
            <legend>{t('admin.review.decision')}</legend>
            {moves.map((s) => (
              <label key={s} className="radio">
                <input type="radio" name="decision" value={s} checked={decision === s} onChange={() => setDecision(s)} />
                {t(`admin.status.${s}`)}
              </label>
            ))}
          </fieldset>
        )}
        {decision === 'resolved' && (
          <fieldset className="radios">
            <legend>{t('admin.review.action')}</legend>
            {actions.map((a) => (
              <label key={a} className="radio">
                <input type="radio" name="action" value={a} checked={action === a} onChange={() => setAction(a)} />
                {t(`admin.action.${a}`)}
              </label>
            ))}
          </fieldset>
        )}
        {decision === 'resolved' && action === 'suspend_user' && (
          <TextField label={t('admin.review.days', { max: maxSuspendDays })} type="number" inputMode="numeric" min={1} max={maxSuspendDays}
            required value={days} onChange={(e) => setDays(e.target.value)} error={error?.fieldError('suspend_days')} />
        )}
        <TextArea label={t('admin.report.note')} maxLength={2000} value={note} onChange={(e) => setNote(e.target.value)}
          error={error?.fieldError('admin_note')} />
        {review.isError && (
          <div className="problem" role="alert" data-testid="review-problem">
            <p>{error?.status === 409 ? t('admin.review.conflict') : error?.status === 400 ? t('admin.review.invalid') : t('common.error')}</p>
            {error?.problem.detail && <p>{t('admin.review.apiSays', { detail: error.problem.detail })}</p>}
            {error?.problem.errors && Object.entries(error.problem.errors)
              .filter(([field]) => field !== 'suspend_days' && field !== 'admin_note')
              .map(([field, messages]) => <p key={field}>{field}: {messages.join(' ')}</p>)}
          </div>
        )}
        {review.isSuccess && <p role="status">{t('admin.review.saved')}</p>}
        {report.status === 'pending' && (
          <Button type="submit" pending={review.isPending}>{t('admin.review.start')}</Button>
        )}
        {report.status === 'in_review' && (
          <Button type="submit" pending={review.isPending} disabled={decision === null}>{t('admin.review.save')}</Button>
        )}
        <Button variant="secondary" pending={review.isPending} disabled={!note.trim()} onClick={(e) => submit(e, null)}>
          {t('admin.review.saveNote')}
        </Button>
      </form>
    </section>
  );
}
