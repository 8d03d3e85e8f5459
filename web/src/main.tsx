import { Route, Router } from '@solidjs/router';
import { lazy } from 'solid-js';
import { render } from 'solid-js/web';
import { Layout } from './layout.js';
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

void loadSession();

const root = document.getElementById('root');
if (root) {
  render(
    () => (
      <Router root={Layout}>
        <Route path="/" component={ProvincesPage} />
        <Route path="/login" component={LoginPage} />
        <Route path="/admin/units" component={UnitsPage} />
        <Route path="/admin/officers" component={OfficersPage} />
        <Route path="/admin/roles" component={RolesPage} />
        <Route path="*404" component={NotFoundPage} />
      </Router>
    ),
    root,
  );
}
