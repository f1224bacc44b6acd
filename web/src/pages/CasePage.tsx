import { useCallback, useEffect, useState } from 'react';
import { useToast } from '../components/toast.ts';
import { Link, useParams } from 'react-router';
import { Alert, Button, Card, Col, Descriptions, Row, Space, Table, Tag, Timeline, Tooltip, Typography, Upload } from 'antd';
import { get, post, request, type Reply } from '../api.ts';
import { DueTag } from '../components/DueTag.tsx';
import { SchemaFields, clean } from '../components/SchemaForm.tsx';
import { FormModal } from '../components/FormModal.tsx';
import { useCaseTypes, useOrgTree, type OrgNode } from '../hooks.ts';
import { useMe } from '../session.tsx';
import { WhatIfPanel } from './WhatIfPanel.tsx';
import { usePageTitle } from '../nav.tsx';
import { IssueSupervision } from './Supervision.tsx';
import { CaseDocuments } from './Documents.tsx';

/** Every step carries the date it happened, which defaults to today. */
const ON_DATE = { properties: { on: { type: 'string', format: 'date', title: '办理日期' } }, required: ['on'] };

const ROLE = { applicant: '申请人', agent: '代理人', third_party: '第三人' } as Record<string, string>;

function ClockCard({ c }: { c: any }) {
  const unit = c.unit === 'workday' ? '个工作日' : c.unit === 'month' ? '个月' : c.unit === 'hour' ? '小时' : '日';
  const status =
    c.status === 'pending' ? <Tag>未开始</Tag>
    : c.status === 'paused' ? <Tag color="purple">已暂停</Tag>
    : c.status === 'stopped' ? (c.late ? <Tag color="red">已完成（超期）</Tag> : <Tag color="green">已完成（按期）</Tag>)
    : <DueTag daysLeft={c.daysLeft} unit={c.unit} overdue={c.overdue} />;
  return (
    <Card size="small" title={c.label} extra={status} data-testid={`clock-${c.key}`}>
      <Tooltip title={c.basis}>
        <Typography.Text type="secondary">
          {c.length}
          {unit}
          {c.extended ? `，已延长${c.extended}${unit}` : ''}
          {c.pausedDays ? `，暂停${c.pausedDays}${unit}` : ''}
        </Typography.Text>
      </Tooltip>
      {/* An hour clock (12345 紧急工单) shows the minute it started, falls due and stopped. */}
      <div>起算：{c.startedAt ?? c.startedOn ?? '—'}</div>
      <div>
        届满：<b>{c.dueAt ?? c.dueOn ?? (c.status === 'paused' ? '暂停中，恢复后重算' : '—')}</b>
      </div>
      {c.stoppedOn && <div>完成：{c.stoppedAt ?? c.stoppedOn}</div>}
      {c.warnings?.map((w: string) => <Alert key={w} type="warning" title={w} style={{ marginTop: 8 }} />)}
    </Card>
  );
}

/** A timeline entry's form data, rendered with the action's field titles. */
function findOrgName(n: OrgNode | undefined, id: number): string | undefined {
  if (!n) return undefined;
  if (n.id === id) return n.name;
  for (const c of n.children) {
    const hit = findOrgName(c, id);
    if (hit) return hit;
  }
  return undefined;
}

function EventData({ data, schema, type }: { data: Record<string, any>; schema: any; type: any }) {
  const tree = useOrgTree();
  const entries = Object.entries(data ?? {}).filter(([k]) => k !== 'parties' && k !== 'receivedOn');
  if (!entries.length) return null;
  const props = schema?.properties ?? type?.intake?.properties ?? {};
  const show = (k: string, v: any) =>
    typeof v === 'boolean' ? (v ? '是' : '否') : props[k]?.widget === 'org' ? findOrgName(tree, Number(v)) ?? String(v) : props[k]?.options?.[v] ?? String(v);
  return (
    <div style={{ color: '#555' }}>
      {entries.map(([k, v]) => (
        <div key={k}>
          {props[k]?.title ?? k}：{show(k, v)}
        </div>
      ))}
    </div>
  );
}

export function CasePage() {
  const { id } = useParams();
  const message = useToast();
  const types = useCaseTypes();
  const [c, setC] = useState<Reply<'/api/cases/{id}'>>();
  const [error, setError] = useState<string>();
  const [acting, setActing] = useState<any>();
  const [supervising, setSupervising] = useState(false);
  const me = useMe();
  usePageTitle(c?.number ?? (error ? '案件' : undefined));
  const load = useCallback(() => (/^\d+$/.test(id ?? '') ? get('/api/cases/{id}', { params: { id: id! } }).then(setC, (e) => setError(e.message)) : setError('链接有误：找不到这个案件')), [id]);
  useEffect(() => {
    load();
  }, [load]);
  if (error) return <Alert type="error" title={error} action={<Link to="/cases">返回案件列表</Link>} data-testid="case-error" />;
  if (!c) return null;
  const type = types?.find((t) => t.key === c.type);
  return (
    <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
      <Card
        title={
          <Space>
            <span data-testid="case-number">{c.number}</span>
            <Tag color={c.final ? 'default' : 'processing'} data-testid="case-state">
              {c.stateLabel}
            </Tag>
            {c.outcomeLabel && <Tag color="gold">{c.outcomeLabel}</Tag>}
            {c.clocks.some((x: any) => x.overdue) && <Tag color="red">已超期</Tag>}
          </Space>
        }
        extra={
          <Space wrap>
            {me.role === 'admin' && !c.final && c.type !== 'supervision' && (
              <Button danger onClick={() => setSupervising(true)} data-testid="supervise">
                督办
              </Button>
            )}
            {c.actions.map((a: any) => (
              <Button key={a.key} onClick={() => setActing(a)} data-testid={`action-${a.key}`}>
                {a.label}
              </Button>
            ))}
          </Space>
        }
      >
        <Descriptions size="small" column={3}>
          <Descriptions.Item label="类型">{c.typeName}</Descriptions.Item>
          <Descriptions.Item label="办理单位">{c.orgName}</Descriptions.Item>
          <Descriptions.Item label="经办人">{c.handlerName ?? '—'}</Descriptions.Item>
          <Descriptions.Item label="收到日期">{c.receivedOn}</Descriptions.Item>
          {/* The case closes at its last step (a 12345 order at 回访, after the unit's 办结), so this is 结案, not 办结. */}
          <Descriptions.Item label="结案日期">{c.closedOn ?? '未结案'}</Descriptions.Item>
          <Descriptions.Item label="版本">{c.version}</Descriptions.Item>
          <Descriptions.Item label="事项" span={3}>
            {c.title}
          </Descriptions.Item>
          {Object.entries(c.fields ?? {})
            .filter(([k]) => k !== 'receivedOn')
            .map(([k, v]) => {
              const s = type?.intake?.properties?.[k];
              return (
                <Descriptions.Item key={k} label={s?.title ?? k} span={String(v).length > 30 ? 3 : 1}>
                  {typeof v === 'boolean' ? (v ? '是' : '否') : s?.options?.[v as string] ?? String(v)}
                </Descriptions.Item>
              );
            })}
        </Descriptions>
      </Card>
      <Row gutter={16}>
        {c.clocks.filter((x: any) => x.status !== 'pending').map((x: any) => (
          <Col span={6} key={x.key}>
            <ClockCard c={x} />
          </Col>
        ))}
      </Row>
      <Row gutter={16}>
        <Col span={14}>
          <Card title="办理过程" size="small">
            <Timeline
              items={c.timeline.map((e: any) => ({
                color: e.kind === 'deem_accept' ? 'orange' : 'blue',
                content: (
                  <div>
                    <b>{e.on}</b> {e.label} → {e.toStateLabel}
                    {e.outcomeLabel && `（${e.outcomeLabel}）`} <Typography.Text type="secondary">· {e.actorName}</Typography.Text>
                    <EventData data={e.data} schema={type?.actions.find((a: any) => a.key === e.kind)?.schema} type={e.kind === 'receive' ? type : undefined} />
                  </div>
                ),
              }))}
            />
          </Card>
        </Col>
        <Col span={10}>
          <Card title={c.personalDataMasked ? '当事人（已脱敏）' : '当事人'} size="small" style={{ marginBottom: 16 }}>
            <Table
              rowKey={(_, i) => String(i)}
              size="small"
              pagination={false}
              dataSource={c.parties}
              columns={[
                { title: '身份', dataIndex: 'role', render: (v) => ROLE[v] ?? v, width: 70 },
                { title: '姓名/名称', dataIndex: 'name' },
                { title: '证件号码', dataIndex: 'idNumber' },
                { title: '电话', dataIndex: 'phone' },
                { title: '住址', dataIndex: 'address' },
              ]}
            />
          </Card>
          {c.links.length > 0 && (
            <Card title="关联案件" size="small" style={{ marginBottom: 16 }}>
              {c.links.map((l: any) => (
                <div key={l.caseId}>
                  <Tag>{l.direction}</Tag>
                  <Link to={`/cases/${l.caseId}`}>{l.number}</Link> {l.typeName} · {l.stateLabel}（{l.via}）
                </div>
              ))}
            </Card>
          )}
          <CaseDocuments caseId={c.id} canAct={me.role !== 'leader'} version={c.version} />
          <Card title="附件" size="small">
            {c.attachments.map((a: any) => (
              <div key={a.id}>
                <a href={`/api/attachments/${a.id}`}>{a.filename}</a> <Typography.Text type="secondary">{a.step && `${a.step} · `}{(a.size / 1024).toFixed(1)} KB · SM3 {a.sm3.slice(0, 12)}…</Typography.Text>
              </div>
            ))}
            {c.actions.length > 0 && (
              <Upload
                showUploadList={false}
                customRequest={async ({ file }) => {
                  const form = new FormData();
                  form.append('file', file as Blob);
                  try {
                    await post('/api/cases/{id}/attachments', { params: { id: c.id }, form });
                    message.success('附件已上传');
                    load();
                  } catch (e: any) {
                    message.error(e.message);
                  }
                }}
              >
                <Button size="small" style={{ marginTop: 8 }}>
                  上传附件
                </Button>
              </Upload>
            )}
          </Card>
        </Col>
      </Row>
      <WhatIfPanel c={c} type={type} />
      {supervising && <IssueSupervision caseId={c.id} caseNumber={c.number} onClose={() => setSupervising(false)} />}
      {acting && <ActionModal c={c} action={acting} onClose={() => setActing(undefined)} onDone={() => (setActing(undefined), load())} />}
    </Space>
  );
}

function ActionModal({ c, action, onClose, onDone }: { c: any; action: any; onClose: () => void; onDone: () => void }) {
  const me = useMe();
  return (
    <FormModal
      title={action.label}
      okText="确认办理"
      initialValues={{ on: me.today, data: action.defaults }}
      onClose={onClose}
      submit={async (v) => {
        await request(`/api/${c.type}/cases/${c.id}/${action.key}`, { body: { version: c.version, on: v.on, data: clean(v.data ?? {}) } });
        onDone();
        return `已办理：${action.label}`;
      }}
    >
      {action.basis && <Alert type="info" title={action.basis} style={{ marginBottom: 16 }} />}
      <SchemaFields schema={ON_DATE} />
      <SchemaFields schema={action.schema} prefix={['data']} />
    </FormModal>
  );
}
