// The entry point: global styles, remembered preferences, then the app.
import '../shared/ui/styles/tokens.css';
import '../shared/ui/styles/base.css';
import { createRoot } from 'react-dom/client';
import { RouterProvider } from 'react-router/dom';
import { applyStoredTextSize } from '../shared/preferences/text-size.ts';
import { i18n } from './instances.ts';
import { Providers } from './providers.tsx';
import { router } from './routes.tsx';

// Before the first render, so the page appears in the right size and language at once.
applyStoredTextSize();
document.documentElement.lang = i18n.language;

const container = document.getElementById('root');
if (!container) throw new Error('index.html has no #root element.');

createRoot(container).render(
  <Providers>
    <RouterProvider router={router} />
  </Providers>,
);
