/** Renderer entry: opens the database, then mounts the app. */
import '@mantine/core/styles.css';
import 'react-data-grid/lib/styles.css';
import './app/app.css';
import { createRoot } from 'react-dom/client';
import { App } from './App';
import { bootServices } from './app/services';
import './i18n/i18n';

bootServices().then(
  (services) => createRoot(document.getElementById('root')!).render(<App services={services} />),
  (err: unknown) => {
    document.getElementById('root')!.textContent =
      `Không mở được dữ liệu trên máy này: ${String(err)}`;
  },
);
