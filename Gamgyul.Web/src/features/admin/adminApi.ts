import type { ReportReason, UserSummary } from '../../api/types';
import type { ModerationAction, ReportStatus, ReportTargetType } from '../../lib/moderation';

/** A report as admins see it (GET /reports/, /reports/{uuid}/). */
export interface AdminReport {
  uuid: string;
  reporter: UserSummary;
  target_type: ReportTargetType;
  target_id: string;
  target_user: UserSummary | null;
  reason: ReportReason;
  detail: string;
  status: ReportStatus;
  action: ModerationAction | null;
  admin_note: string;
  handled_by: string | null;
  handled_at: string | null;
  created_at: string;
  updated_at: string;
}

/** GET /reports/stats/: every status, type and reason is present (zero when none), and every day of the range. */
export interface ReportStats {
  from: string;
  to: string;
  total: number;
  by_status: Record<string, number>;
  by_target_type: Record<string, number>;
  by_reason: Record<string, number>;
  per_day: Array<{ date: string; created: number; closed: number }>;
}

export const reportReasons: ReportReason[] = ['spam', 'abuse', 'adult', 'fraud', 'other'];

/** Where the reported object lives in the client, when it has a page of its own. */
export function targetPath(report: AdminReport): string | null {
  switch (report.target_type) {
    case 'post': return `/posts/${report.target_id}`;
    case 'product': return `/market/${report.target_id}`;
    case 'user': return report.target_user ? `/users/${report.target_user.handle}` : null;
    default: return null;
  }
}
