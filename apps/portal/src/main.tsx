import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { refreshSession } from './api/client';
import { App } from './app';
import './styles.css';

// Restore the session from the refresh cookie before anything asks for it; a 401 just means signed out.
void refreshSession();

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <App />
  </StrictMode>,
);
