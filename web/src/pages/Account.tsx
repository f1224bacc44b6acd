import { useEffect, useState } from 'react';
import { useToast } from '../components/toast.ts';
import { Alert, Button, Card, Descriptions, Form, Input, Popconfirm, QRCode, Space, Table, Tag, Typography } from 'antd';
import dayjs from 'dayjs';
import { del, get, post } from '../api.ts';
import type { Me } from '../session.tsx';

const time = (iso: string | null) => (iso ? dayjs(iso).format('YYYY-MM-DD HH:mm') : '—');

/** Set up an authenticator app: scan the QR code (or type the key), then confirm with a code. */
export function TotpEnrol({ onDone }: { onDone: (r: { user?: Me }) => void }) {
  const message = useToast();
  const [enrol, setEnrol] = useState<{ secret: string; uri: string }>();
  const [busy, setBusy] = useState(false);
  if (!enrol)
    return (
      <Space orientation="vertical">
        <Typography.Paragraph>在手机上安装任一支持 TOTP 的验证器应用（如各类"身份验证器"），然后生成绑定二维码。</Typography.Paragraph>
        <Button type="primary" onClick={async () => setEnrol((await post('/api/auth/totp/enrol').catch((e) => (message.error(e.message), undefined))) as { secret: string; uri: string } | undefined)}>
          生成绑定二维码
        </Button>
      </Space>
    );
  return (
    <Space orientation="vertical" style={{ width: '100%' }}>
      <Space align="start">
        <QRCode value={enrol.uri} size={160} />
        <div>
          <Typography.Paragraph>用验证器扫描二维码；无法扫描时手动输入密钥：</Typography.Paragraph>
          <Typography.Text code copyable data-testid="totp-secret">
            {enrol.secret}
          </Typography.Text>
          <Typography.Paragraph type="secondary" style={{ marginTop: 8 }}>
            密钥只显示这一次，请勿截图外传。
          </Typography.Paragraph>
        </div>
      </Space>
      <Form
        layout="inline"
        onFinish={async (v) => {
          setBusy(true);
          try {
            const r = (await post('/api/auth/totp/confirm', { body: v })) as { user?: Me };
            message.success('动态验证码已绑定');
            onDone(r);
          } catch (e: any) {
            message.error(e.message, 6);
          } finally {
            setBusy(false);
          }
        }}
      >
        <Form.Item name="code" label="验证器显示的6位数字" rules={[{ required: true, pattern: /^\d{6}$/, message: '请输入6位数字' }]}>
          <Input autoComplete="one-time-code" inputMode="numeric" maxLength={6} style={{ width: 120 }} />
        </Form.Item>
        <Button type="primary" htmlType="submit" loading={busy}>
          确认绑定
        </Button>
      </Form>
    </Space>
  );
}

/** The user's own password change; the policy's rules are shown before anything is typed. */
export function ChangePasswordForm({ onDone, forced }: { onDone: () => void; forced?: boolean }) {
  const message = useToast();
  const [account, setAccount] = useState<any>();
  const [form] = Form.useForm();
  useEffect(() => {
    get('/api/auth/account').then(setAccount, () => undefined);
  }, []);
  const p = account?.policy;
  return (
    <Space orientation="vertical" style={{ width: '100%' }}>
      {forced && <Alert type="warning" showIcon title="您正在使用初始密码、管理员重置的密码或已过期的密码，请先修改密码再继续使用。" />}
      {p && (
        <Typography.Text type="secondary">
          新密码至少{p.passwordMinLength}位，包含大写字母、小写字母、数字、符号中的至少{p.passwordMinClasses}类，不能包含用户名{p.passwordHistory > 0 ? `，不能与最近${p.passwordHistory}次的密码相同` : ''}。修改后，您在其他设备上的登录将被注销。
        </Typography.Text>
      )}
      <Form
        form={form}
        layout="vertical"
        style={{ maxWidth: 360 }}
        onFinish={async (v) => {
          try {
            await post('/api/auth/password', { body: { currentPassword: v.currentPassword, newPassword: v.newPassword } });
            message.success('密码已修改');
            form.resetFields();
            onDone();
          } catch (e: any) {
            message.error(e.message, 8);
          }
        }}
      >
        <Form.Item name="currentPassword" label="当前密码" rules={[{ required: true, message: '请输入当前密码' }]}>
          <Input.Password autoComplete="current-password" />
        </Form.Item>
        <Form.Item name="newPassword" label="新密码" rules={[{ required: true, message: '请输入新密码' }]}>
          <Input.Password autoComplete="new-password" />
        </Form.Item>
        <Form.Item
          name="confirm"
          label="再次输入新密码"
          dependencies={['newPassword']}
          rules={[{ required: true, message: '请再次输入新密码' }, ({ getFieldValue }) => ({ validator: (_, v) => (v === getFieldValue('newPassword') ? Promise.resolve() : Promise.reject(new Error('两次输入的新密码不一致'))) })]}
        >
          <Input.Password autoComplete="new-password" />
        </Form.Item>
        <Button type="primary" htmlType="submit">
          修改密码
        </Button>
      </Form>
    </Space>
  );
}

function Sessions() {
  const message = useToast();
  const [rows, setRows] = useState<any[]>();
  const load = () => get('/api/auth/sessions').then((r) => setRows(r as any[]));
  useEffect(() => {
    load();
  }, []);
  return (
    <Table
      rowKey="id"
      size="small"
      pagination={false}
      dataSource={rows}
      loading={!rows}
      columns={[
        { title: '登录时间', dataIndex: 'createdAt', render: time },
        { title: '最近活动', dataIndex: 'lastSeenAt', render: time },
        { title: '地址', dataIndex: 'ip' },
        { title: '浏览器', dataIndex: 'userAgent', ellipsis: true },
        {
          title: '',
          render: (_: unknown, r: any) =>
            r.current ? (
              <Tag color="green">当前会话</Tag>
            ) : (
              <Popconfirm title="结束该会话？该设备需重新登录。" onConfirm={() => del('/api/auth/sessions/{id}', { params: { id: r.id } }).then(() => (message.success('已结束'), load()), (e) => message.error(e.message))}>
                <Button size="small" danger>
                  结束
                </Button>
              </Popconfirm>
            ),
        },
      ]}
    />
  );
}

/** 我的账号: password, second factor, sessions. */
export function AccountPage() {
  const [account, setAccount] = useState<any>();
  const [enrolling, setEnrolling] = useState(false);
  const load = () => get('/api/auth/account').then(setAccount);
  useEffect(() => {
    load();
  }, []);
  return (
    <Space orientation="vertical" size="large" style={{ width: '100%' }}>
      <Card title="账号安全">
        {account && (
          <Descriptions column={1} size="small">
            <Descriptions.Item label="密码最近修改">{time(account.passwordChangedAt)}</Descriptions.Item>
            <Descriptions.Item label="密码有效期至">{account.passwordExpiresOn ?? '长期有效'}</Descriptions.Item>
            <Descriptions.Item label="动态验证码（双因素）">
              {account.totpEnabled ? <Tag color="green">已绑定</Tag> : <Tag>未绑定</Tag>}
              <Button size="small" onClick={() => setEnrolling(true)}>
                {account.totpEnabled ? '更换手机重新绑定' : '绑定'}
              </Button>
            </Descriptions.Item>
          </Descriptions>
        )}
        {enrolling && (
          <TotpEnrol
            onDone={() => {
              setEnrolling(false);
              load();
            }}
          />
        )}
      </Card>
      <Card title="修改密码">
        <ChangePasswordForm onDone={load} />
      </Card>
      <Card title="我的登录会话（无操作超时或超过最长有效期自动结束）">
        <Sessions />
      </Card>
    </Space>
  );
}
