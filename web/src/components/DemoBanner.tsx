import { useEffect, useState } from 'react';
import { Alert } from 'antd';

let healthPromise: Promise<{ demo?: boolean }> | undefined;

/** Whether the server runs the demo district (its accounts and password are public). */
export function useIsDemo(): boolean {
  const [demo, setDemo] = useState(false);
  useEffect(() => {
    (healthPromise ??= fetch('/api/health').then((r) => r.json())).then((h) => setDemo(Boolean(h?.demo)), () => (healthPromise = undefined));
  }, []);
  return demo;
}

/** Shown on every console page, the login page and the portal of a demo install. */
export function DemoBanner() {
  if (!useIsDemo()) return null;
  return <Alert type="warning" banner data-testid="demo-banner" title="演示环境：账号与数据均为虚构，请勿录入真实信息" style={{ textAlign: 'center' }} />;
}
