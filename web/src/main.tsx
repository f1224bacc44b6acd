import React from 'react';
import { createRoot } from 'react-dom/client';
import { BrowserRouter } from 'react-router';
import { App as AntApp, ConfigProvider } from 'antd';
import zhCN from 'antd/locale/zh_CN';
import dayjs from 'dayjs';
import 'dayjs/locale/zh-cn';
import { Shell } from './Shell.tsx';
import { ApiError } from './api.ts';

dayjs.locale('zh-cn');

// Red is the brand (header, primary buttons); a focused field is blue, so it never reads as an error.
const FOCUS = '#1d4ed8';
const focusShadow = '0 0 0 2px rgba(29, 78, 216, 0.15)';
const fieldFocus = { hoverBorderColor: FOCUS, activeBorderColor: FOCUS, activeShadow: focusShadow };

// A form left invalid has already said why beside its fields; a validateFields() call a page did
// not wrap (validValues does) must not log "Uncaught (in promise)" as well.
window.addEventListener('unhandledrejection', (e) => {
  if (Array.isArray(e.reason?.errorFields)) e.preventDefault();
  // A request a page did not handle still tells the person why, once, as a toast (B16); a 401 has
  // already sent them to the login page.
  else if (e.reason instanceof ApiError) {
    e.preventDefault();
    if (e.reason.status !== 401) window.dispatchEvent(new CustomEvent('fazhi:api-error', { detail: e.reason.message }));
  }
});

createRoot(document.getElementById('root')!).render(
  <React.StrictMode>
    <ConfigProvider locale={zhCN} theme={{ token: { colorPrimary: '#b71c1c', colorLink: '#1d4ed8', colorTextDescription: 'rgba(0, 0, 0, 0.62)', colorTextTertiary: 'rgba(0, 0, 0, 0.62)', colorTextPlaceholder: 'rgba(0, 0, 0, 0.56)', borderRadius: 4 }, components: { Input: fieldFocus, InputNumber: fieldFocus, DatePicker: fieldFocus, Select: { hoverBorderColor: FOCUS, activeBorderColor: FOCUS, activeOutlineColor: 'rgba(29, 78, 216, 0.15)' } } }}>
      <AntApp>
        <BrowserRouter>
          <Shell />
        </BrowserRouter>
      </AntApp>
    </ConfigProvider>
  </React.StrictMode>,
);
