import { Route, Router } from '@solidjs/router';
import { render } from 'solid-js/web';
import { Layout } from './layout.js';
import { NotFoundPage } from './pages/not-found.js';
import { ProvincesPage } from './pages/provinces.js';
import './styles.css';

const root = document.getElementById('root');
if (root) {
  render(
    () => (
      <Router root={Layout}>
        <Route path="/" component={ProvincesPage} />
        <Route path="*404" component={NotFoundPage} />
      </Router>
    ),
    root,
  );
}
