import { QueryClientProvider } from '@tanstack/react-query';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { RouterProvider } from 'react-router';
import { onSessionExpired } from './api/client';
import { queryClient } from './app/queryClient';
import { router } from './app/router';
import { restoreSession } from './auth/authApi';
import { useLocale } from './i18n/i18n';
import './styles.css';

document.documentElement.lang = useLocale.getState().locale;

// A session that cannot be renewed really ends: cached private data goes, and the sign-in page says why.
onSessionExpired(() => {
  queryClient.clear();
  void router.navigate('/login');
});

// Started once, outside React (StrictMode runs effects twice, and refresh tokens rotate on use).
void restoreSession();

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <QueryClientProvider client={queryClient}>
      <RouterProvider router={router} />
    </QueryClientProvider>
  </StrictMode>,
);
