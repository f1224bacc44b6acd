import { useState } from 'react';
import { Alert, Button, Card, Form, Select, Table, Tag } from 'antd';
import { post } from '../api.ts';
import { SchemaFields, clean } from '../components/SchemaForm.tsx';
import { validValues } from '../components/FormModal.tsx';
import { useMe } from '../session.tsx';

const ON_DATE = { properties: { on: { type: 'string', format: 'date', title: '假如办理日期' } }, required: ['on'] };
const STATUS: Record<string, string> = { running: '计时中', paused: '暂停', stopped: '已停止', pending: '未起算' };
const UNIT: Record<string, string> = { day: '日', workday: '个工作日', month: '个月' };

/**
 * 如果今天…，期限到哪天？ The case's steps so far are replayed with one more step on a throw-away
 * database (POST /api/simulate); the clerk sees every clock after it, or why the law refuses it.
 */
export function WhatIfPanel({ c, type }: { c: any; type: any }) {
  const me = useMe();
  const [form] = Form.useForm();
  const [actionKey, setActionKey] = useState<string>();
  const [result, setResult] = useState<any>();
  const [error, setError] = useState<string>();
  const [busy, setBusy] = useState(false);
  const action = c.actions.find((a: any) => a.key === actionKey);
  if (!c.actions.length || !type) return null;

  const run = async () => {
    const v = await validValues(form);
    if (!v) return;
    const manual = new Set(type.actions.filter((a: any) => !a.system).map((a: any) => a.key));
    const adminOnly = new Set(type.actions.filter((a: any) => a.roles?.length === 1 && a.roles[0] === 'admin').map((a: any) => a.key));
    const past = c.timeline.filter((t: any) => t.kind !== 'receive' && manual.has(t.kind));
    const as = (kind: string) => (kind === 'legal_review' || adminOnly.has(kind) ? 'reviewer' : 'handler');
    // Every 执法证号 a past step named (立案, 当场处罚, 检查记录, the 回避 replacement) must exist in the sandbox.
    const officers = [...new Set<string>(past.flatMap((t: any) => [t.data?.officer1, t.data?.officer2, t.data?.replacement].filter((x: unknown): x is string => typeof x === 'string' && x !== '')))];
    const scenario = {
      type: c.type,
      // Parties are not needed to count periods; a placeholder keeps personal data out of the what-if.
      intake: { ...c.fields, receivedOn: c.receivedOn, ...(type.intake?.properties?.parties ? { parties: [{ role: 'applicant', name: '模拟当事人' }] } : {}) },
      before: officers.map((certNo: string) => ({ type: 'enforcement_certificate', intake: { receivedOn: c.receivedOn, holder: '执法人员', certNo, field: '模拟' }, steps: [] })),
      steps: [...past.map((t: any) => ({ on: t.on, action: t.kind, fields: t.data ?? {}, as: as(t.kind) })), { on: v.on, action: actionKey, fields: clean(v.data ?? {}), as: as(actionKey!) }],
    };
    setBusy(true);
    setError(undefined);
    try {
      setResult(((await post('/api/simulate', { body: scenario })) as { final: unknown }).final);
    } catch (e) {
      setError((e as Error).message);
      setResult(undefined);
    } finally {
      setBusy(false);
    }
  };

  return (
    <Card title="如果今天…，期限到哪天？" size="small" data-testid="what-if">
      <Form form={form} layout="inline" initialValues={{ on: me.today }} style={{ marginBottom: 12 }}>
        <Form.Item label="假如办理">
          <Select style={{ width: 220 }} aria-label="假如办理的环节" placeholder="选择办理环节" value={actionKey} onChange={(k) => (setActionKey(k), setResult(undefined))} options={c.actions.map((a: any) => ({ value: a.key, label: a.label }))} />
        </Form.Item>
        <SchemaFields schema={ON_DATE} />
        {action && <SchemaFields schema={action.schema} prefix={['data']} />}
        <Button type="primary" disabled={!actionKey} loading={busy} onClick={run}>
          推算期限（不保存）
        </Button>
      </Form>
      {error && <Alert type="error" title={error} />}
      {result && !result.ok && <Alert type="warning" title={`依法不能办理：${result.refusal}`} />}
      {result?.ok && (
        <Table
          size="small"
          pagination={false}
          rowKey="key"
          dataSource={result.clocks.filter((k: any) => k.status !== 'pending')}
          columns={[
            { title: '期限', dataIndex: 'label' },
            { title: '长度', render: (_: any, k: any) => `${k.length}${UNIT[k.unit] ?? ''}${k.extended ? `（已延长${k.extended}）` : ''}` },
            { title: '起算', dataIndex: 'startedOn' },
            { title: '届满', render: (_: any, k: any) => k.dueOn ?? '暂停中' },
            { title: '暂停天数', dataIndex: 'pausedDays' },
            { title: '状态', render: (_: any, k: any) => <Tag color={k.late ? 'red' : undefined}>{STATUS[k.status] ?? k.status}{k.late ? '（逾期）' : ''}</Tag> },
            { title: '计日规则', render: (_: any, k: any) => k.dayRule ?? '' },
          ]}
        />
      )}
    </Card>
  );
}
