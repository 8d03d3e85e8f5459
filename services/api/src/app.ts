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
import { docsRoutes } from './routes/docs.js';
import { accountRoutes } from './routes/accounts.js';
import { authRoutes } from './routes/auth.js';
import { calendarRoutes } from './routes/calendar.js';
import { catalogRoutes } from './routes/catalog.js';
import { healthRoutes } from './routes/health.js';
import { orgUnitRoutes } from './routes/org-units.js';
import { procedureSettingRoutes } from './routes/procedure-settings.js';
import { defaultProcessRoutes, processRoutes } from './routes/processes.js';
import { roleAssignmentRoutes, roleCatalogRoutes } from './routes/role-assignments.js';
import { tenantRoutes } from './routes/tenants.js';
import { userRoutes } from './routes/users.js';
import { provinceRoutes } from './routes/provinces.js';
import { webRoutes } from './routes/web.js';
import { dossierRoutes } from './routes/dossiers.js';
import { fileRoutes } from './routes/files.js';
import { publicStatusRoutes } from './routes/public-status.js';
import { meRoutes, myDossierRoutes, portalRoutes } from './routes/portal.js';
import { dossierFileRoutes } from './routes/dossier-files.js';
import { reportRoutes } from './routes/reports.js';
import { auditLogRoutes } from './routes/audit-log.js';

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
  app.use('/api/tenants/:tenantId/*', ministryReads());
  app.use('/api/reports/*', ministryReads());
  app.route('/', healthRoutes(deps));
  app.route('/api/provinces', provinceRoutes());
  app.route('/api/auth', authRoutes(deps));
  app.route('/api/auth', accountRoutes(deps));
  app.route('/api/roles', roleCatalogRoutes());
  app.route('/api/tenants', tenantRoutes(deps));
  app.route('/api/tenants', orgUnitRoutes());
  app.route('/api/tenants', userRoutes(deps));
  app.route('/api/tenants', roleAssignmentRoutes());
  app.route('/api/catalog', catalogRoutes());
  app.route('/api/catalog/default-processes', defaultProcessRoutes());
  app.route('/api/tenants', procedureSettingRoutes());
  app.route('/api/tenants', processRoutes());
  app.route('/api/tenants', calendarRoutes());
  app.route('/api/tenants', dossierRoutes(deps));
  app.route('/api/tenants', fileRoutes(deps));
  app.route('/api/public/dossier-status', publicStatusRoutes(deps));
  app.route('/api/public/provinces', portalRoutes());
  app.route('/api/tenants', myDossierRoutes());
  app.route('/api/me', meRoutes());
  app.route('/api/tenants', dossierFileRoutes(deps));
  app.route('/api/reports', reportRoutes());
  app.route('/api/tenants', auditLogRoutes());
  // Last among the API routes: the document is generated from the routes registered on `app`.
  app.route('/api', docsRoutes(app));
  app.all('/api/*', notFoundHandler);
  if (deps.webDistDir) app.route('/', webRoutes(deps.webDistDir));
  return app;
}
