import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './App';
import './styles/tokens.css';
import './styles/base.css';
import './styles/controls.css';
import './styles/surfaces.css';
import './styles/start.css';
import './styles/shell.css';
import './styles/overview.css';
import './styles/layout.css';
import './styles/preview.css';
import './styles/properties.css';
import './styles/code.css';
import './styles/review.css';
import './styles/history.css';
import './styles/historyDiff.css';
import './styles/deploy.css';

const container = document.getElementById('root');
if (!container) throw new Error('index.html has no #root element');
createRoot(container).render(
  <StrictMode>
    <App />
  </StrictMode>,
);
