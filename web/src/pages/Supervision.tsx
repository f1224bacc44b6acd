import { useEffect, useState } from 'react';
import { Link, useNavigate } from 'react-router';
import { Button, Card, Form, Input, InputNumber, Segmented, Tag } from 'antd';
import { get, post, type Reply } from '../api.ts';
import { useMe } from '../session.tsx';
import { FormModal } from '../components/FormModal.tsx';
import { OrgPicker } from '../components/SchemaForm.tsx';
import { DataTable } from '../components/DataTable.tsx';

/** The form of a 督办: on a case (its unit answers) or on a unit, with a reply deadline in 工作日. */
export function IssueSupervision({ caseId, caseNumber, onClose }: { caseId?: number; caseNumber?: string; onClose: () => void }) {
  const nav = useNavigate();
  const target = caseId ? 'case' : 'org';
  return (
    <FormModal
      title={caseNumber ? `督办：${caseNumber}` : '签发督办'}
      okText="签发"
      initialValues={{ replyDays: 5 }}
      onClose={onClose}
      submit={async (v) => {
        const r = (await post('/api/supervisions', { body: { caseId: target === 'case' ? caseId : undefined, orgId: target === 'org' ? v.orgId : undefined, subject: v.subject, demand: v.demand, replyDays: v.replyDays } })) as { id: number };
        onClose();
        nav(`/cases/${r.id}`);
        return '已签发督办，并已通知被督办单位';
      }}
    >
      {target === 'org' && (
        <Form.Item name="orgId" label="被督办单位" rules={[{ required: true, message: '请选择被督办单位' }]}>
          <OrgPicker />
        </Form.Item>
      )}
      <Form.Item name="subject" label="督办事项" rules={[{ required: true, message: '请填写督办事项' }]}>
        <Input maxLength={200} />
      </Form.Item>
      <Form.Item name="demand" label="督办要求" rules={[{ required: true, message: '请填写督办要求' }]}>
        <Input.TextArea rows={3} maxLength={5000} />
      </Form.Item>
      <Form.Item name="replyDays" label="答复期限（工作日）" rules={[{ required: true, message: '请填写答复期限' }]}>
        <InputNumber min={1} max={60} />
      </Form.Item>
    </FormModal>
  );
}

const STATES: Record<string, string> = { issued: 'orange', answered: 'blue', closed: 'green' };

/** 督办台账: every 督办 in scope, to closure. */
export function SupervisionPage() {
  const me = useMe();
  const [open, setOpen] = useState<'true' | 'false' | ''>('true');
  const [data, setData] = useState<Pick<Reply<'/api/cases'>, 'items' | 'total'>>();
  const [issuing, setIssuing] = useState(false);
  const [page, setPage] = useState(1);
  const query = { type: 'supervision', open: open || undefined };
  useEffect(() => {
    setData(undefined);
    get('/api/cases', { query: { ...query, page, pageSize: 20 } }).then(setData, () => setData({ items: [], total: 0 }));
  }, [open, page]);
  return (
    <Card title="督办台账" extra={me.role === 'admin' && <Button type="primary" onClick={() => setIssuing(true)} data-testid="issue-supervision">签发督办</Button>}>
      <DataTable
        id="supervision"
        exportName="督办台账"
        exportAll={async () => (await get('/api/cases', { query: { ...query, page: 1, pageSize: 200 } })).items}
        toolbar={
          <Segmented
            aria-label="督办状态"
            value={open}
            onChange={(v) => (setOpen(v as any), setPage(1))}
            options={[
              { value: 'true', label: '未办结' },
              { value: 'false', label: '已办结' },
              { value: '', label: '全部' },
            ]}
          />
        }
        rowKey="id"
        size="small"
        loading={!data}
        dataSource={data?.items ?? []}
        pagination={{ current: page, pageSize: 20, total: data?.total ?? 0, onChange: setPage, showSizeChanger: false }}
        columns={[
          { title: '督办文号', dataIndex: 'number', render: (v: string, r: any) => <Link to={`/cases/${r.id}`}>{v}</Link> },
          { title: '督办事项', dataIndex: 'title', ellipsis: true },
          { title: '被督办单位', dataIndex: 'orgName', width: 180 },
          { title: '签发日期', dataIndex: 'receivedOn', width: 110 },
          { title: '答复期限', dataIndex: 'nextDue', width: 110, render: (v: string, r: any) => (v ? <span style={{ color: r.overdue ? '#cf1322' : undefined }}>{v}{r.overdue ? '（超期）' : ''}</span> : '—') },
          { title: '状态', dataIndex: 'stateLabel', width: 120, render: (v: string, r: any) => <Tag color={STATES[r.state]}>{v}</Tag> },
          { title: '办结日期', dataIndex: 'closedOn', width: 110 },
        ]}
      />
      {issuing && <IssueSupervision onClose={() => setIssuing(false)} />}
    </Card>
  );
}
