import { Hono } from 'hono';
import { requestId } from 'hono/request-id';
import type { ApiDeps, AppEnv } from './app-env.js';
import { errorHandler, notFoundHandler } from './error-handler.js';
import { accessLog } from './middleware/access-log.js';
import { clientAddress } from './middleware/client-address.js';
import { securityHeaders } from './middleware/security-headers.js';
import { telemetry } from './middleware/telemetry.js';
import { serviceContext } from './middleware/service-context.js';
import { ministryReads } from './middleware/ministry-reads.js';
import { workListRoutes } from './routes/work-lists.js';
import { consultationRoutes } from './routes/consultations.js';
import { archiveRoutes } from './routes/archive.js';
import { docsRoutes } from './routes/docs.js';
import { accountRoutes } from './routes/accounts.js';
import { authRoutes } from './routes/auth.js';
import { vneidRoutes } from './routes/vneid.js';
import { secondFactorRoutes } from './routes/second-factor.js';
import { signInPolicyRoutes } from './routes/sign-in-policy.js';
import { calendarRoutes } from './routes/calendar.js';
import { catalogRoutes } from './routes/catalog.js';
import { healthRoutes } from './routes/health.js';
import { orgUnitRoutes } from './routes/org-units.js';
import { procedureSettingRoutes } from './routes/procedure-settings.js';
import { defaultProcessRoutes, processRoutes } from './routes/processes.js';
import { agreementRoutes } from './routes/hand-over-agreements.js';
import { intakeRoutingRoutes } from './routes/intake-routing.js';
import { roleAssignmentRoutes, roleCatalogRoutes } from './routes/role-assignments.js';
import { tenantRoutes } from './routes/tenants.js';
import { userRoutes } from './routes/users.js';
import { provinceRoutes } from './routes/provinces.js';
import { webRoutes } from './routes/web.js';
import { dossierRoutes } from './routes/dossiers.js';
import { fileRoutes } from './routes/files.js';
import { dossierFormRoutes } from './routes/dossier-forms.js';
import { documentVerifyRoutes } from './routes/document-verify.js';
import { publicStatusRoutes } from './routes/public-status.js';
import { meRoutes, myDossierRoutes, portalRoutes } from './routes/portal.js';
import { myDocumentRoutes } from './routes/my-documents.js';
import { myDraftRoutes } from './routes/my-drafts.js';
import { dossierFileRoutes } from './routes/dossier-files.js';
import { reportRoutes } from './routes/reports.js';
import { auditLogRoutes } from './routes/audit-log.js';
import { satisfactionRoutes } from './routes/satisfaction.js';
import { paymentGatewayRoutes, paymentRoutes } from './routes/payments.js';
import { nationalNotificationRoutes, notificationRoutes } from './routes/notifications.js';
import { myNotificationRoutes } from './routes/notification-preference.js';
import { nationalPortalRoutes } from './routes/national-portal.js';
import { index766Routes, publicIndex766Routes } from './routes/index766.js';
import { feedbackRoutes, publicFeedbackRoutes } from './routes/feedback.js';

/** Builds the whole HTTP app from its dependencies; tests call `app.request()` on it. */
export function createApp(deps: ApiDeps) {
  const app = new Hono<AppEnv>();
  app.use(telemetry(deps.metrics));
  app.use(requestId());
  app.use(clientAddress(deps.trustedProxyHops ?? 0));
  app.use(accessLog(deps.logger));
  // Served over https exactly when session cookies are Secure (PUBLIC_URL is https).
  app.use(securityHeaders({ https: deps.cookieSecure === true }));
  app.onError(errorHandler(deps.logger));
  app.notFound(notFoundHandler);
  app.use('/api/*', serviceContext(deps));
  // Ministry staff reading a province leave a record the province can see.
  app.use('/api/tenants/:tenantId/*', ministryReads(deps.logger));
  app.use('/api/reports/*', ministryReads(deps.logger));
  app.route('/', healthRoutes(deps));
  app.route('/', apiRoutes(deps));
  // Last among the API routes: the document is generated from the routes registered on `app`.
  app.route('/api', docsRoutes(app));
  app.all('/api/*', notFoundHandler);
  if (deps.webDistDir) app.route('/', webRoutes(deps.webDistDir));
  return app;
}

/**
 * Every API operation, chained so that its type carries each path, input and answer: the web
 * app's client (`hc<AppType>`) is typed from it, so a change to an answer breaks the web build.
 */
export function apiRoutes(deps: ApiDeps) {
  return new Hono<AppEnv>()
    .route('/api/provinces', provinceRoutes())
    .route('/api/auth', authRoutes(deps))
    .route('/api/auth', accountRoutes(deps))
    .route('/api/auth/vneid', vneidRoutes(deps))
    .route('/api/auth/second-factor', secondFactorRoutes(deps))
    .route('/api/roles', roleCatalogRoutes())
    .route('/api/tenants', tenantRoutes(deps))
    .route('/api/tenants', orgUnitRoutes())
    .route('/api/tenants', userRoutes(deps))
    .route('/api/tenants', roleAssignmentRoutes())
    .route('/api/catalog', catalogRoutes())
    .route('/api/catalog/default-processes', defaultProcessRoutes())
    .route('/api/tenants', procedureSettingRoutes())
    .route('/api/tenants', processRoutes())
    .route('/api/tenants', agreementRoutes())
    .route('/api/tenants', intakeRoutingRoutes())
    .route('/api/tenants', calendarRoutes())
    .route('/api/tenants', signInPolicyRoutes())
    .route('/api/tenants', dossierRoutes(deps))
    .route('/api/tenants', fileRoutes(deps))
    .route('/api/tenants', dossierFormRoutes(deps))
    .route('/api/public/dossier-status', publicStatusRoutes(deps))
    .route('/api/public/provinces', portalRoutes())
    .route('/api/public/documents', documentVerifyRoutes(deps))
    .route('/api/tenants', myDossierRoutes())
    .route('/api/me', meRoutes())
    .route('/api/me', myDocumentRoutes(deps))
    .route('/api/me', myDraftRoutes(deps))
    .route('/api/tenants', dossierFileRoutes(deps))
    .route('/api/reports', reportRoutes(deps.logger))
    .route('/api/tenants', auditLogRoutes(deps.logger))
    .route('/api/tenants', workListRoutes())
    .route('/api/tenants', consultationRoutes(deps))
    .route('/api/tenants', archiveRoutes())
    .route('/api/tenants', satisfactionRoutes())
    .route('/api/tenants', paymentRoutes(deps))
    .route('/api/payments', paymentGatewayRoutes(deps))
    .route('/api/tenants', notificationRoutes(deps.logger))
    .route('/api/reports', nationalNotificationRoutes(deps.logger))
    .route('/api/me', myNotificationRoutes())
    .route('/api/tenants', nationalPortalRoutes())
    .route('/api/reports/index766', index766Routes(deps.logger))
    .route('/api/public/index766', publicIndex766Routes(deps))
    .route('/api/tenants', feedbackRoutes(deps))
    .route('/api/public/provinces', publicFeedbackRoutes());
}

export type AppType = ReturnType<typeof apiRoutes>;
