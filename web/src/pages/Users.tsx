import { useEffect, useState } from 'react';
import { useToast } from '../components/toast.ts';
import { Alert, App, Button, Card, Form, Input, Popconfirm, Select, Space, Table, Tag, Typography } from 'antd';
import dayjs from 'dayjs';
import { get, post, put, request } from '../api.ts';
import { FormModal } from '../components/FormModal.tsx';
import { useOrgTree } from '../hooks.ts';
import { useMe } from '../session.tsx';
import { OrgTreeSelect } from '../components/OrgTreeSelect.tsx';

// 三员分立: the security and audit administrators' accounts are not the system administrator's to reset or disable.
const GUARDED = ['secadmin', 'auditor'];

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

/**
 * 系统管理 → 用户管理 (系统管理员): accounts in the administrator's scope. 三员分立: roles, scopes, duties
 * and the security policy are the security administrator's (权限 page), so none of them is editable here.
 */
export function UsersPage() {
  const me = useMe();
  const { modal } = App.useApp();
  const message = useToast();
  const tree = useOrgTree();
  const [roles, setRoles] = useState<{ key: string; label: string }[]>([]);
  const [filters, setFilters] = useState<Record<string, unknown>>({});
  const [rows, setRows] = useState<any[]>();
  const [editing, setEditing] = useState<any | 'new' | null>(null);
  const load = () => get('/api/users', { query: filters }).then(setRows, (e) => message.error(e.message));
  useEffect(() => {
    load();
  }, [JSON.stringify(filters)]);
  useEffect(() => {
    get('/api/users/roles').then((r) => setRoles(r as { key: string; label: string }[]));
  }, []);

  const act = (id: number, path: string, done: string) => async () => {
    try {
      const r = (await request(`/api/users/${id}/${path}`, { method: 'POST' })) as { password?: string };
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
        <Alert
          type="info"
          style={{ marginBottom: 16 }}
          title="三员分立：系统管理员负责账号的新建、停用、解锁和重置密码；新建的账号没有任何权限，角色、可查看范围和职责由安全管理员分配。"
        />
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
                  {u.role === 'none' && <Tag color="orange">待分配角色</Tag>}
                  {u.locked && <Tag color="red">已锁定</Tag>}
                  {u.lockedAddresses > 0 && <Tag color="volcano">{u.lockedAddresses}个地址已锁定</Tag>}
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
                  {GUARDED.includes(u.role) ? (
                    <Typography.Text type="secondary">三员账号在服务器上维护</Typography.Text>
                  ) : (
                    <Button size="small" onClick={() => setEditing(u)}>
                      编辑
                    </Button>
                  )}
                  {(u.locked || u.lockedAddresses > 0) && (
                    <Button size="small" onClick={act(u.id, 'unlock', '已解锁')}>
                      解锁
                    </Button>
                  )}
                  {!GUARDED.includes(u.role) && (
                    <Popconfirm title="重置后原密码立即失效，该用户的登录全部结束。继续？" onConfirm={act(u.id, 'reset-password', '')}>
                      <Button size="small">重置密码</Button>
                    </Popconfirm>
                  )}
                  {u.totpEnabled && !GUARDED.includes(u.role) && (
                    <Popconfirm title="用于手机丢失等情况：该用户下次登录时重新绑定验证器。继续？" onConfirm={act(u.id, 'reset-totp', '已重置动态验证码')}>
                      <Button size="small">重置验证码</Button>
                    </Popconfirm>
                  )}
                  {u.id !== me.id &&
                    !GUARDED.includes(u.role) &&
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
      {editing && (
        <FormModal
          title={editing === 'new' ? '新建用户' : `编辑用户 ${editing.username}`}
          okText="保存"
          initialValues={editing === 'new' ? {} : { displayName: editing.displayName, orgId: editing.orgId }}
          onClose={() => setEditing(null)}
          submit={async (v) => {
            if (editing === 'new') {
              const r = (await post('/api/users', { body: v })) as { password: string };
              setEditing(null);
              load();
              showOneTime(modal, v.username, r.password);
              return `已创建用户 ${v.username}`;
            }
            await put('/api/users/{id}', { params: { id: editing.id }, body: v });
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
          <Form.Item
            name="orgId"
            label="所在单位"
            rules={[{ required: true, message: '请选择所在单位' }]}
            extra={editing === 'new' ? undefined : `须在其可查看范围「${editing.scopeOrgName}」内；调往范围外的单位，请先由安全管理员调整可查看范围`}
          >
            <OrgTreeSelect tree={tree} />
          </Form.Item>
          <Typography.Text type="secondary">
            {editing === 'new' ? '新建的账号在安全管理员分配角色之前没有任何权限。' : `角色：${editing.roleLabel}；可查看范围：${editing.scopeOrgName}（由安全管理员分配）`}
          </Typography.Text>
        </FormModal>
      )}
    </Space>
  );
}
