import { Route, Router } from '@solidjs/router';
import { lazy } from 'solid-js';
import { render } from 'solid-js/web';
import { Layout } from './layout.js';
import { CHANGE_PASSWORD_PATH, NOTIFICATIONS_PATH, SECOND_FACTOR_PATH, SESSIONS_PATH } from './nav.js';
import { LoginPage } from './pages/login.js';
import { NotFoundPage } from './pages/not-found.js';
import { ProvincesPage } from './pages/provinces.js';
import { loadSession } from './session/session.js';
import './styles.css';

// The admin console is a separate chunk per page: the first screen (provinces or sign-in) must
// stay small on a commune office's connection (budget: web/scripts/measure-bundle.ts).
const UnitsPage = lazy(() => import('./pages/admin/units-page.js'));
const OfficersPage = lazy(() => import('./pages/admin/officers-page.js'));
const RolesPage = lazy(() => import('./pages/admin/roles-page.js'));
const ProceduresPage = lazy(() => import('./pages/admin/procedures-page.js'));
const ProcessesPage = lazy(() => import('./pages/admin/processes-page.js'));
const CalendarPage = lazy(() => import('./pages/admin/calendar-page.js'));
const AgreementsPage = lazy(() => import('./pages/admin/agreements-page.js'));
const IntakeRoutingPage = lazy(() => import('./pages/admin/intake-routing-page.js'));
const AuditLogPage = lazy(() => import('./pages/admin/audit-log-page.js'));
const MinistryReadsPage = lazy(() => import('./pages/admin/ministry-reads-page.js'));
const WorkListsPage = lazy(() => import('./pages/work-lists/work-lists-page.js'));
const SurveyResultsPage = lazy(() => import('./pages/survey-results/survey-results-page.js'));
const ProvinceReportPage = lazy(() => import('./pages/reports/province-report-page.js'));
const InboxPage = lazy(() => import('./pages/officer/inbox-page.js'));
const DossierPage = lazy(() => import('./pages/officer/dossier-page.js'));
const IntakePage = lazy(() => import('./pages/officer/intake-page.js'));
const ReceiptPage = lazy(() => import('./pages/officer/receipt-page.js'));
const PortalProceduresPage = lazy(() => import('./pages/portal/procedures-page.js'));
const PortalProcedurePage = lazy(() => import('./pages/portal/procedure-page.js'));
const PortalSubmitPage = lazy(() => import('./pages/portal/submit-page.js'));
const MyDossiersPage = lazy(() => import('./pages/portal/my-dossiers-page.js'));
const MyDocumentsPage = lazy(() => import('./pages/portal/my-documents-page.js'));
const MyDossierPage = lazy(() => import('./pages/portal/my-dossier-page.js'));
const PaymentReturnPage = lazy(() => import('./pages/portal/payment-return-page.js'));
const StatusPage = lazy(() => import('./pages/portal/status-page.js'));
const MinistryDashboardPage = lazy(() => import('./pages/ministry/dashboard-page.js'));
const MinistryProvincePage = lazy(() => import('./pages/ministry/province-page.js'));
const MinistryCatalogPage = lazy(() => import('./pages/ministry/catalog-page.js'));
const MinistryAuditLogPage = lazy(() => import('./pages/ministry/audit-log-page.js'));
const MinistryIndexPage = lazy(() => import('./pages/index766/ministry-index-page.js'));
const MinistryUnitIndexPage = lazy(() => import('./pages/index766/ministry-unit-index-page.js'));
const ProvinceIndexPage = lazy(() => import('./pages/index766/province-index-page.js'));
const PublicIndexPage = lazy(() => import('./pages/index766/public-index-page.js'));
const ChangePasswordPage = lazy(() => import('./pages/change-password-page.js'));
const SignUpPage = lazy(() => import('./pages/account/sign-up-page.js'));
const ResetPasswordPage = lazy(() => import('./pages/account/reset-password-page.js'));
const InvitationPage = lazy(() => import('./pages/account/invitation-page.js'));
const SessionsPage = lazy(() => import('./pages/account/sessions-page.js'));
const NotificationPreferencePage = lazy(() => import('./pages/account/notification-preference-page.js'));
const SecondFactorPage = lazy(() => import('./pages/account/second-factor-page.js'));
const FeedbackFormPage = lazy(() => import('./pages/feedback/feedback-form-page.js'));
const AnsweredFeedbackPage = lazy(() => import('./pages/feedback/answered-feedback-page.js'));
const OfficerFeedbackPage = lazy(() => import('./pages/officer/feedback-page.js'));
const ConsultationsPage = lazy(() => import('./pages/officer/consultations-page.js'));

void loadSession();

// Builds only: the dev server has no /sw.js. The worker keeps the app shell so a counter
// officer's page opens without a network (src/sw/sw.ts).
if (__SERVICE_WORKER__ && 'serviceWorker' in navigator) void navigator.serviceWorker.register('/sw.js', { type: 'module' });

const root = document.getElementById('root');
if (root) {
  render(
    () => (
      <Router root={Layout}>
        <Route path="/" component={ProvincesPage} />
        <Route path="/login" component={LoginPage} />
        <Route path={['/sign-up', '/verify']} component={SignUpPage} />
        <Route path="/reset-password" component={ResetPasswordPage} />
        <Route path="/invitation" component={InvitationPage} />
        <Route path={CHANGE_PASSWORD_PATH} component={ChangePasswordPage} />
        <Route path={SESSIONS_PATH} component={SessionsPage} />
        <Route path={NOTIFICATIONS_PATH} component={NotificationPreferencePage} />
        <Route path={SECOND_FACTOR_PATH} component={SecondFactorPage} />
        <Route path="/admin/units" component={UnitsPage} />
        <Route path="/admin/officers" component={OfficersPage} />
        <Route path="/admin/roles" component={RolesPage} />
        <Route path="/admin/procedures" component={ProceduresPage} />
        <Route path="/admin/processes" component={ProcessesPage} />
        <Route path="/admin/calendar" component={CalendarPage} />
        <Route path="/admin/agreements" component={AgreementsPage} />
        <Route path="/admin/intake-routing" component={IntakeRoutingPage} />
        <Route path="/admin/audit-log" component={AuditLogPage} />
        <Route path="/admin/ministry-reads" component={MinistryReadsPage} />
        <Route path="/monitoring/work-lists" component={WorkListsPage} />
        <Route path="/monitoring/survey-results" component={SurveyResultsPage} />
        <Route path="/monitoring/reports" component={ProvinceReportPage} />
        <Route path="/officer/inbox" component={InboxPage} />
        <Route path="/officer/feedback" component={OfficerFeedbackPage} />
        <Route path="/officer/consultations" component={ConsultationsPage} />
        <Route path="/officer/intake" component={IntakePage} />
        <Route path="/officer/dossiers/:tenantId/:dossierId" component={DossierPage} />
        <Route path="/officer/dossiers/:tenantId/:dossierId/receipt" component={ReceiptPage} />
        <Route path="/portal/procedures" component={PortalProceduresPage} />
        <Route path="/portal/procedures/:tenantId/:code" component={PortalProcedurePage} />
        <Route path="/portal/submit/:tenantId/:code" component={PortalSubmitPage} />
        <Route path="/portal/my-dossiers" component={MyDossiersPage} />
        <Route path="/portal/my-documents" component={MyDocumentsPage} />
        <Route path="/portal/my-dossiers/:tenantId/:dossierId" component={MyDossierPage} />
        <Route path="/portal/payment-result" component={PaymentReturnPage} />
        <Route path="/status/:token?" component={StatusPage} />
        <Route path="/feedback" component={FeedbackFormPage} />
        <Route path="/feedback/answered" component={AnsweredFeedbackPage} />
        <Route path="/ministry/dashboard" component={MinistryDashboardPage} />
        <Route path="/ministry/provinces/:tenantId" component={MinistryProvincePage} />
        <Route path="/ministry/provinces/:tenantId/audit-log" component={MinistryAuditLogPage} />
        <Route path="/ministry/catalog" component={MinistryCatalogPage} />
        <Route path="/ministry/index766" component={MinistryIndexPage} />
        <Route path="/ministry/index766/:tenantId" component={MinistryUnitIndexPage} />
        <Route path="/monitoring/index766" component={ProvinceIndexPage} />
        <Route path="/index766" component={PublicIndexPage} />
        <Route path="*404" component={NotFoundPage} />
      </Router>
    ),
    root,
  );
}
