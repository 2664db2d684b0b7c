import { useMutation } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { useNavigate } from 'react-router';
import { api, ApiError } from '../../api/client';
import type { ReportReason, ReportTarget } from '../../api/types';
import { useSession } from '../../auth/session';
import { useT } from '../../i18n/i18n';
import { Button } from '../../ui/Button';
import { Dialog } from '../../ui/Dialog';
import { TextArea } from '../../ui/TextField';

const reasons: ReportReason[] = ['spam', 'abuse', 'adult', 'fraud', 'other'];

/** A "신고" button and its dialog, for any target the Api accepts (user, post, comment, reply, product, chat message). */
export function ReportButton({ targetType, targetId }: { targetType: ReportTarget; targetId: string }) {
  const t = useT();
  const navigate = useNavigate();
  const signedIn = useSession((s) => s.status === 'signedIn');
  const [open, setOpen] = useState(false);
  const [reason, setReason] = useState<ReportReason>('spam');
  const [detail, setDetail] = useState('');

  const report = useMutation({
    mutationFn: () => api('/reports/', { method: 'POST', body: { target_type: targetType, target_id: targetId, reason, detail: detail || undefined } }),
  });

  function submit(event: FormEvent) {
    event.preventDefault();
    report.mutate();
  }

  const failed = report.error instanceof ApiError ? report.error.status : 0;
  return (
    <>
      <button type="button" className="link-btn link-btn--muted" onClick={() => (signedIn ? setOpen(true) : navigate('/login'))}>
        {t('post.report')}
      </button>
      <Dialog open={open} title={t('report.title')} onClose={() => { setOpen(false); report.reset(); }}>
        {report.isSuccess ? (
          <p role="status">{t('report.done')}</p>
        ) : (
          <form className="form" onSubmit={submit}>
            <fieldset className="radios">
              <legend>{t('report.reason')}</legend>
              {reasons.map((r) => (
                <label key={r} className="radio">
                  <input type="radio" name="reason" value={r} checked={reason === r} onChange={() => setReason(r)} />
                  {t(`report.reason.${r}`)}
                </label>
              ))}
            </fieldset>
            <TextArea label={t('report.detail')} maxLength={1000} value={detail} onChange={(e) => setDetail(e.target.value)} />
            {report.isError && <p className="field__error" role="alert">{failed === 409 ? t('report.duplicate') : failed === 404 ? t('report.gone') : failed === 400 ? (report.error as ApiError).message : t('common.error')}</p>}
            <Button type="submit" variant="danger" block pending={report.isPending}>{t('report.submit')}</Button>
          </form>
        )}
      </Dialog>
    </>
  );
}
