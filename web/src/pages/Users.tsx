import { useEffect, useState } from 'react';
import { useToast } from '../components/toast.ts';
import { Alert, App, Button, Card, Col, Form, Input, InputNumber, Popconfirm, Row, Select, Space, Switch, Table, Tag, Typography } from 'antd';
import dayjs from 'dayjs';
import { api, qs } from '../api.ts';
import { FormModal } from '../components/FormModal.tsx';
import { useOrgTree } from '../hooks.ts';
import { useMe } from '../session.tsx';
import { OrgTreeSelect } from '../components/OrgTreeSelect.tsx';

const STATUS = [
  { value: 'active', label: '在用' },
  { value: 'disabled', label: '已停用' },
  { value: 'locked', label: '已锁定' },
];

/** Shows a one-time password once, with the instruction that goes with it. */
function showOneTime(modal: ReturnType<typeof App.useApp>['modal'], username: string, password: string) {
  modal.info({
    title: `用户 ${username} 的一次性密码`,
    width: 460,
    content: (
      <Space orientation="vertical">
        <Typography.Text code copyable style={{ fontSize: 18 }} data-testid="one-time-password">
          {password}
        </Typography.Text>
        <Typography.Text type="secondary">此密码只显示这一次，请当面或以安全方式交给本人。本人首次登录时须修改密码。</Typography.Text>
      </Space>
    ),
  });
}

/** 系统管理 → 用户管理: accounts in the administrator's scope, and the security policy. */
export function UsersPage() {
  const me = useMe();
  const { modal } = App.useApp();
  const message = useToast();
  const tree = useOrgTree();
  const [roles, setRoles] = useState<{ key: string; label: string }[]>([]);
  const [filters, setFilters] = useState<Record<string, unknown>>({});
  const [rows, setRows] = useState<any[]>();
  const [editing, setEditing] = useState<any | 'new' | null>(null);
  const load = () => api(`/api/users?${qs(filters)}`).then(setRows, (e) => message.error(e.message));
  useEffect(() => {
    load();
  }, [JSON.stringify(filters)]);
  useEffect(() => {
    api('/api/users/roles').then(setRoles);
  }, []);

  const act = (id: number, path: string, done: string) => async () => {
    try {
      const r = await api(`/api/users/${id}/${path}`, { method: 'POST' });
      if (r.password) showOneTime(modal, rows!.find((u) => u.id === id).username, r.password);
      else message.success(done);
      load();
    } catch (e: any) {
      message.error(e.message);
    }
  };

  return (
    <Space orientation="vertical" size="large" style={{ width: '100%' }}>
      <Card
        title="用户管理"
        extra={
          <Button type="primary" onClick={() => setEditing('new')}>
            新建用户
          </Button>
        }
      >
        <Space wrap style={{ marginBottom: 16 }}>
          <Input.Search placeholder="姓名或用户名" allowClear style={{ width: 200 }} onSearch={(q) => setFilters({ ...filters, q })} />
          <OrgTreeSelect tree={tree} placeholder="单位（含下级）" allowClear style={{ width: 240 }} onChange={(orgId) => setFilters({ ...filters, orgId })} />
          <Select placeholder="角色" allowClear style={{ width: 200 }} options={roles.map((r) => ({ value: r.key, label: r.label }))} onChange={(role) => setFilters({ ...filters, role })} />
          <Select placeholder="状态" allowClear style={{ width: 120 }} options={STATUS} onChange={(status) => setFilters({ ...filters, status })} />
        </Space>
        <Table
          rowKey="id"
          size="small"
          loading={!rows}
          dataSource={rows}
          pagination={{ pageSize: 20, showTotal: (n) => `共${n}人` }}
          columns={[
            { title: '用户名', dataIndex: 'username' },
            { title: '姓名', dataIndex: 'displayName' },
            { title: '角色', dataIndex: 'roleLabel' },
            { title: '所在单位', dataIndex: 'orgName' },
            { title: '可查看范围', dataIndex: 'scopeOrgName' },
            {
              title: '状态',
              render: (_: unknown, u: any) => (
                <Space size={4} wrap>
                  {u.active ? <Tag color="green">在用</Tag> : <Tag>已停用</Tag>}
                  {u.locked && <Tag color="red">已锁定</Tag>}
                  {u.mustChangePassword && <Tag color="orange">待改密</Tag>}
                  {u.passwordExpired && <Tag color="orange">密码过期</Tag>}
                  {u.totpEnabled && <Tag color="blue">已绑定验证器</Tag>}
                </Space>
              ),
            },
            { title: '最近登录', dataIndex: 'lastLoginAt', render: (v: string | null) => (v ? dayjs(v).format('YYYY-MM-DD HH:mm') : '—') },
            {
              title: '操作',
              render: (_: unknown, u: any) => (
                <Space size={4} wrap>
                  <Button size="small" onClick={() => setEditing(u)}>
                    编辑
                  </Button>
                  {u.locked && (
                    <Button size="small" onClick={act(u.id, 'unlock', '已解锁')}>
                      解锁
                    </Button>
                  )}
                  <Popconfirm title="重置后原密码立即失效，该用户的登录全部结束。继续？" onConfirm={act(u.id, 'reset-password', '')}>
                    <Button size="small">重置密码</Button>
                  </Popconfirm>
                  {u.totpEnabled && (
                    <Popconfirm title="用于手机丢失等情况：该用户下次登录时重新绑定验证器。继续？" onConfirm={act(u.id, 'reset-totp', '已重置动态验证码')}>
                      <Button size="small">重置验证码</Button>
                    </Popconfirm>
                  )}
                  {u.id !== me.id &&
                    (u.active ? (
                      <Popconfirm title="停用后该用户立即退出且不能登录。继续？" onConfirm={act(u.id, 'disable', '已停用')}>
                        <Button size="small" danger>
                          停用
                        </Button>
                      </Popconfirm>
                    ) : (
                      <Button size="small" onClick={act(u.id, 'enable', '已启用')}>
                        启用
                      </Button>
                    ))}
                </Space>
              ),
            },
          ]}
        />
      </Card>
      <PolicyCard />
      {editing && (
        <FormModal
          title={editing === 'new' ? '新建用户' : `编辑用户 ${editing.username}`}
          okText="保存"
          initialValues={editing === 'new' ? { role: 'clerk' } : { displayName: editing.displayName, orgId: editing.orgId, scopeOrgId: editing.scopeOrgId, role: editing.role }}
          onClose={() => setEditing(null)}
          submit={async (v) => {
            if (editing === 'new') {
              const r = await api('/api/users', { body: v });
              setEditing(null);
              load();
              showOneTime(modal, v.username, r.password);
              return `已创建用户 ${v.username}`;
            }
            await api(`/api/users/${editing.id}`, { method: 'PUT', body: v });
            setEditing(null);
            load();
            return '已保存';
          }}
        >
          {editing === 'new' && (
            <Form.Item name="username" label="用户名（登录用，字母或数字）" rules={[{ required: true, pattern: /^[A-Za-z0-9_.-]{2,32}$/, message: '2至32位字母、数字、下划线、点或连字符' }]}>
              <Input />
            </Form.Item>
          )}
          <Form.Item name="displayName" label="姓名" rules={[{ required: true, message: '请输入姓名' }]}>
            <Input maxLength={40} />
          </Form.Item>
          <Form.Item name="orgId" label="所在单位" rules={[{ required: true, message: '请选择所在单位' }]}>
            <OrgTreeSelect tree={tree} />
          </Form.Item>
          <Form.Item name="scopeOrgId" label="可查看范围（不填则为所在单位及其下级）">
            <OrgTreeSelect tree={tree} allowClear />
          </Form.Item>
          <Form.Item name="role" label="角色" rules={[{ required: true, message: '请选择角色' }]}>
            <Select options={roles.map((r) => ({ value: r.key, label: r.label }))} />
          </Form.Item>
        </FormModal>
      )}
    </Space>
  );
}

// The numeric policy settings with the ranges the server accepts.
const POLICY_NUMBERS: [string, string, number, number][] = [
  ['passwordMinLength', '密码最短长度', 8, 64],
  ['passwordMinClasses', '至少包含字符类别', 2, 4],
  ['passwordHistory', '不得重复最近几次密码', 0, 24],
  ['passwordExpiryDays', '密码有效期（天，0为不过期）', 0, 3650],
  ['sessionIdleMinutes', '无操作自动退出（分钟）', 5, 720],
  ['sessionMaxHours', '会话最长有效期（小时）', 1, 72],
];

/** The security policy as data: password rules, session limits, the second factor. */
function PolicyCard() {
  const message = useToast();
  const [form] = Form.useForm();
  const [loaded, setLoaded] = useState(false);
  useEffect(() => {
    api('/api/security-policy').then((p) => (form.setFieldsValue(p), setLoaded(true)));
  }, []);
  if (!loaded) return null;
  return (
    <Card title="安全策略">
      <Alert type="info" style={{ marginBottom: 16 }} title="按等保2.0三级要求：口令具有复杂度并定期更换，登录失败处理，会话超时退出，特权账号采用两种以上鉴别方式。" />
      <Form
        form={form}
        layout="vertical"
        style={{ maxWidth: 720 }}
        onFinish={async (v) => {
          try {
            form.setFieldsValue(await api('/api/security-policy', { method: 'PUT', body: v }));
            message.success('安全策略已保存');
          } catch (e: any) {
            message.error(e.message);
          }
        }}
      >
        <Row gutter={24}>
          {POLICY_NUMBERS.map(([name, label, min, max]) => (
            <Col span={8} key={name}>
              <Form.Item name={name} label={label}>
                <InputNumber min={min} max={max} />
              </Form.Item>
            </Col>
          ))}
        </Row>
        <Form.Item name="requireTotpForPrivileged" label="管理员和领导登录须使用动态验证码" valuePropName="checked">
          <Switch />
        </Form.Item>
        <Button type="primary" htmlType="submit">
          保存
        </Button>
      </Form>
    </Card>
  );
}
