import type { MessageKey } from './i18n/index.js';
import { can, session } from './session/session.js';

export interface NavItem {
  href: string;
  label: MessageKey;
}

/**
 * The admin console is for the user's own province. A ministry admin may read units of every
 * province but has no home province, so the console links need both the home tenant and the
 * right; oversight of a province's units is a later slice.
 */
export function visibleNav(): NavItem[] {
  // Until an admin-set password is replaced, or an admin has passed the second factor, the API
  // refuses every page: offer none.
  if (session()?.passwordChangeRequired || session()?.secondFactor) return [];
  const items: NavItem[] = [{ href: '/', label: 'navProvinces' }];
  // The citizen portal: procedures for visitors and citizens, their own dossiers for citizens.
  const kind = session()?.user.kind;
  if (!kind || kind === 'citizen') items.push({ href: '/portal/procedures', label: 'portalNavProcedures' });
  if (kind === 'citizen')
    items.push(
      { href: '/portal/my-dossiers', label: 'portalNavMyDossiers' },
      { href: '/portal/my-documents', label: 'storeNav' },
      { href: NOTIFICATIONS_PATH, label: 'preferenceNav' },
    );
  if (!kind || kind === 'citizen') items.push(PUBLIC_INDEX);
  // Ministry staff: the national overview first (their landing page), the provinces, the catalog.
  if (kind === 'ministry')
    return [
      MINISTRY_DASHBOARD,
      ...items,
      { href: '/ministry/catalog', label: 'ministryNavCatalog' },
      { href: '/ministry/index766', label: 'index766Nav' },
      STATUS_LOOKUP,
    ];
  const tenantId = session()?.homeTenantId;
  if (!tenantId) return [...items, ...FEEDBACK, STATUS_LOOKUP];
  if (can('read', 'OrgUnit')) items.push({ href: '/admin/units', label: 'navUnits' });
  if (can('read', 'User')) items.push({ href: '/admin/officers', label: 'navOfficers' });
  if (can('read', 'RoleAssignment')) items.push({ href: '/admin/roles', label: 'navRoles' });
  if (can('read', 'ProcedureSetting')) items.push({ href: '/admin/procedures', label: 'adminNavProcedures' });
  if (can('read', 'ProcessDefinition')) items.push({ href: '/admin/processes', label: 'adminNavProcesses' });
  if (can('publish', 'ProcessDefinition')) items.push({ href: '/admin/agreements', label: 'agreementNav' });
  if (can('manage', 'ProcedureSetting')) items.push({ href: '/admin/intake-routing', label: 'routingNav' });
  if (can('read', 'Calendar')) items.push({ href: '/admin/calendar', label: 'adminNavCalendar' });
  if (can('read', 'AuditLog'))
    items.push({ href: '/admin/audit-log', label: 'auditNavLog' }, { href: '/admin/ministry-reads', label: 'auditNavMinistryReads' });
  // The officer workspace comes after the console, so a plain officer lands on the inbox and an
  // admin still lands on the console.
  if (can('read', 'Dossier')) items.push({ href: '/officer/inbox', label: 'officerNavInbox' });
  // Lấy ý kiến: whoever processes or approves dossiers answers their unit's requests and follows the late ones they asked.
  if (can('process', 'Dossier') || can('approve', 'Dossier')) items.push({ href: '/officer/consultations', label: 'consultationNav' });
  if (can('read', 'Feedback')) items.push({ href: '/officer/feedback', label: 'feedbackOfficerNav' });
  if (can('create', 'Dossier')) items.push({ href: '/officer/intake', label: 'officerNavIntake' });
  // After the inbox, so a unit leader still lands on the dossiers waiting for them.
  if (can('read', 'Report'))
    items.push(
      { href: '/monitoring/reports', label: 'reportNav' },
      { href: '/monitoring/work-lists', label: 'workListsNav' },
      { href: '/monitoring/survey-results', label: 'surveyResultsNav' },
      { href: '/monitoring/index766', label: 'index766Nav' },
    );
  return [...items, STATUS_LOOKUP];
}

/** Đổi mật khẩu: for every signed-in user, and where a forced change sends them. */
export const CHANGE_PASSWORD_PATH = '/account/password';
export const SESSIONS_PATH = '/account/sessions';
/** Nhận thông báo: a citizen's choice of channel for news of their dossiers. */
export const NOTIFICATIONS_PATH = '/account/notifications';
/** Xác thực hai lớp: where an administrator's sign-in goes until the second factor is passed. */
export const SECOND_FACTOR_PATH = '/account/second-factor';

/** Phản ánh, kiến nghị and the published answers: for visitors and citizens, before the status lookup. */
const FEEDBACK: NavItem[] = [
  { href: '/feedback', label: 'feedbackNav' },
  { href: '/feedback/answered', label: 'feedbackAnsweredNav' },
];

/** Public status lookup (tra cứu hồ sơ): for everyone, last, and never a landing page. */
const STATUS_LOOKUP: NavItem = { href: '/status', label: 'portalNavStatus' };

/** Công khai chỉ số phục vụ (Decision 766): the published quarters, for visitors and citizens. */
const PUBLIC_INDEX: NavItem = { href: '/index766', label: 'index766PublicNav' };

/** Tổng quan: the ministry's cross-province dashboard. */
const MINISTRY_DASHBOARD: NavItem = { href: '/ministry/dashboard', label: 'ministryNavDashboard' };

/** Where to land after signing in: the first console page the user may use, else the home page. */
export function landingPath(): string {
  if (session()?.secondFactor) return SECOND_FACTOR_PATH;
  if (session()?.passwordChangeRequired) return CHANGE_PASSWORD_PATH;
  if (session()?.user.kind === 'citizen') return '/portal/my-dossiers';
  if (session()?.user.kind === 'ministry') return MINISTRY_DASHBOARD.href;
  return visibleNav().filter((item) => item !== STATUS_LOOKUP)[1]?.href ?? '/';
}
