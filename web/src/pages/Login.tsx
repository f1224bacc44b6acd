import { useState } from 'react';
import { Alert, Button, Card, Form, Input, Typography } from 'antd';
import { post } from '../api.ts';
import type { Me } from '../session.tsx';
import { DemoBanner } from '../components/DemoBanner.tsx';
import { TotpEnrol } from './Account.tsx';

type Step = 'password' | 'totp' | 'enrol';

/** Login in up to two steps: password, then the authenticator's code (or its first setup). */
export function LoginPage({ onLogin }: { onLogin: (me: Me) => void }) {
  const [error, setError] = useState<string>();
  const [busy, setBusy] = useState(false);
  const [step, setStep] = useState<Step>('password');
  const send = async (step: 'password' | 'totp', body: any) => {
    setBusy(true);
    setError(undefined);
    try {
      const r = await (step === 'password' ? post('/api/auth/login', { body }) : post('/api/auth/login/totp', { body }));
      if (r.user) onLogin(r.user);
      else if (r.next) setStep(r.next);
    } catch (e: any) {
      setError(e.message);
      // A pending login that timed out or locked starts again from the password.
      if (e.status === 423 || e.body?.code === 'unauthorized') setStep('password');
    } finally {
      setBusy(false);
    }
  };
  return (
    <div style={{ minHeight: '100vh', background: '#f3efe9' }}>
      <DemoBanner />
      <div style={{ display: 'flex', alignItems: 'center', justifyContent: 'center', minHeight: '90vh' }}>
        <Card style={{ width: step === 'enrol' ? 460 : 380 }}>
          <Typography.Title level={3} style={{ textAlign: 'center' }}>
            法治政府建设工作平台
          </Typography.Title>
          {error && <Alert type="error" title={error} style={{ marginBottom: 16 }} showIcon />}
          {step === 'password' && (
            <Form layout="vertical" onFinish={(v) => send('password', v)}>
              <Form.Item name="username" label="用户名" rules={[{ required: true, message: '请输入用户名' }]}>
                <Input autoComplete="username" />
              </Form.Item>
              <Form.Item name="password" label="密码" rules={[{ required: true, message: '请输入密码' }]}>
                <Input.Password autoComplete="current-password" />
              </Form.Item>
              <Button type="primary" htmlType="submit" block loading={busy}>
                登录
              </Button>
            </Form>
          )}
          {step === 'totp' && (
            <Form layout="vertical" onFinish={(v) => send('totp', v)}>
              <Typography.Paragraph>请打开手机上的验证器，输入本平台当前显示的6位动态验证码。</Typography.Paragraph>
              <Form.Item name="code" label="动态验证码" rules={[{ required: true, pattern: /^\d{6}$/, message: '请输入6位数字' }]}>
                <Input autoComplete="one-time-code" inputMode="numeric" maxLength={6} autoFocus />
              </Form.Item>
              <Button type="primary" htmlType="submit" block loading={busy}>
                验证并登录
              </Button>
            </Form>
          )}
          {step === 'enrol' && (
            <>
              <Alert type="info" title="按本单位安全策略，管理员和领导账号须绑定动态验证码（双因素认证）后才能登录。" style={{ marginBottom: 16 }} />
              <TotpEnrol onDone={(r) => r.user && onLogin(r.user)} />
            </>
          )}
          <Typography.Link href="/portal">查看已公开的法治政府建设年度报告</Typography.Link>
        </Card>
      </div>
    </div>
  );
}
