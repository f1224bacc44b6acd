import { useEffect, useState, type ReactNode } from 'react';
import dayjs, { type Dayjs } from 'dayjs';
import { Alert, DatePicker, Drawer, Form, Input, Radio, Select, Space, Table, Tabs, Tag, Typography } from 'antd';
import { get, request, type Reply } from '../api.ts';
import { FormModal } from '../components/FormModal.tsx';
import { DELIVERY_CHANNELS, optionsOf } from '../components/labels.ts';

/**
 * The three yearly publications computed from records (政府信息公开年报, 行政执法数据, 建议提案办理情况):
 * the form that records their 报送 and 公开, and a drawer with their tables and the 述法覆盖率.
 */
type BoardRow = Reply<'/api/reports'>['orgs'][number];
type AnnualKey = BoardRow['annual'][number]['report'];
type Filing = Reply<'/api/reports/govinfo/submission', 'post'>;

export const ANNUAL: Record<AnnualKey, { label: string; path: string }> = {
  govinfo: { label: '政府信息公开工作年度报告', path: 'govinfo' },
  enforcement_data: { label: '行政执法年度数据', path: 'enforcement-data' },
  proposals: { label: '建议提案办理情况', path: 'proposals' },
};

const WAYS = { website: '政府网站', gazette: '政府公报', notice_board: '政务公开栏', other: '其他方式' };

/** One tag per publication the org has a date for: what is late, else where it stands. */
export function annualTags(row: BoardRow) {
  return row.annual.map((a) =>
    a.problems.length ? (
      a.problems.map((x) => <Tag color="orange" key={x} data-testid={`annual-${row.orgId}-${a.report}`}>{x}</Tag>)
    ) : a.publishBy ? (
      <Tag color={a.publishedOn ? 'green' : 'default'} key={a.report} data-testid={`annual-${row.orgId}-${a.report}`}>{a.label}{a.publishedOn ? `已公开 ${a.publishedOn}` : '待公开'}</Tag>
    ) : (
      // The 办理情况 has a 报送 date only; its 公开 is recorded but never late.
      <Tag color={a.submittedOn ? 'green' : 'default'} key={a.report} data-testid={`annual-${row.orgId}-${a.report}`}>{a.label}{a.submittedOn ? `已报送 ${a.submittedOn}` : '待报送'}</Tag>
    ),
  );
}

const dateItem = (name: string, label: string) => (
  <Form.Item name={name} label={label} extra="不填为今天" getValueProps={(v) => ({ value: v ? dayjs(v) : undefined })} normalize={(v: Dayjs | null) => v?.format('YYYY-MM-DD')}>
    <DatePicker style={{ width: '100%' }} />
  </Form.Item>
);

/** 登记报送、公开 of one org's publications of one year; the steps offered are the ones the user's duties allow. */
export function FilingModal({ row, year, steps, onClose, onSaved }: { row: BoardRow; year: number; steps: ('submission' | 'publication')[]; onClose: () => void; onSaved: () => void }) {
  const [report, setReport] = useState<AnnualKey>(row.annual[0]?.report ?? 'govinfo');
  const [step, setStep] = useState(steps[0]);
  const duty = row.annual.find((a) => a.report === report);
  return (
    <FormModal
      width={600}
      title={`${row.orgName}${year}年度：登记报送、公开`}
      okText="登记"
      initialValues={{ way: 'website', channel: 'e_document' }}
      onClose={onClose}
      submit={async (v) => {
        const body = Object.fromEntries(Object.entries({ orgId: row.orgId, year, ...v }).filter(([, x]) => x !== undefined && x !== ''));
        const f = (await request(`/api/reports/${ANNUAL[report].path}/${step}`, { body })) as Filing;
        onSaved();
        return `已登记${f.label}${step === 'submission' ? `报送（${f.submitStatusLabel ?? '无期限'}）` : `公开（${f.publishStatusLabel ?? '无期限'}）`}`;
      }}
    >
      <Form.Item label="公开事项">
        <Select aria-label="公开事项" value={report} onChange={setReport} options={Object.entries(ANNUAL).map(([value, d]) => ({ value, label: d.label }))} />
      </Form.Item>
      <Typography.Paragraph type="secondary" data-testid="filing-due">
        {duty
          ? [duty.submitBy && `报送期限 ${duty.submitBy}（${duty.submittedOn ? `已报送 ${duty.submittedOn}` : '未登记'}）`, duty.publishBy && `公开期限 ${duty.publishBy}（${duty.publishedOn ? `已公开 ${duty.publishedOn}` : '未登记'}）`].filter(Boolean).join('；') || '不列期限'
          : '该单位不承担此项的期限义务，可按实际登记'}
      </Typography.Paragraph>
      <Form.Item label="登记事项">
        <Radio.Group aria-label="登记事项" value={step} onChange={(e) => setStep(e.target.value)} options={steps.map((s) => ({ value: s, label: s === 'submission' ? '报送' : '向社会公开' }))} />
      </Form.Item>
      {step === 'submission' ? (
        <>
          {dateItem('sentOn', '报送日期')}
          <Form.Item name="recipient" label="接收机关" extra="不填按规定的接收机关">
            <Input maxLength={100} />
          </Form.Item>
          <Form.Item name="channel" label="报送方式">
            <Select options={optionsOf(DELIVERY_CHANNELS)} />
          </Form.Item>
          <Form.Item name="docNumber" label="文号">
            <Input maxLength={60} />
          </Form.Item>
        </>
      ) : (
        <>
          {dateItem('publishedOn', '公开日期')}
          <Form.Item name="way" label="公开方式">
            <Select options={optionsOf(WAYS)} />
          </Form.Item>
          <Form.Item noStyle shouldUpdate={(a, b) => a.way !== b.way}>
            {({ getFieldValue }) => (
              <Form.Item name="url" label="公开网址" rules={getFieldValue('way') === 'website' ? [{ required: true, message: '在政府网站公开的，请填写公开网址' }] : []}>
                <Input maxLength={500} placeholder="https://" />
              </Form.Item>
            )}
          </Form.Item>
        </>
      )}
    </FormModal>
  );
}

function FilingLine({ f }: { f: Filing }) {
  return (
    <Space wrap style={{ marginBottom: 8 }}>
      {f.submitStatus && <Tag color={f.submitStatus === 'sent' ? 'green' : f.submitStatus === 'pending' ? 'default' : 'orange'}>{f.submission ? `${f.submission.sentOn} 报${f.submission.recipient}` : ''} {f.submitStatusLabel}</Tag>}
      {f.publication ? <Tag color={f.publishStatus === 'late' ? 'orange' : 'green'}>{f.publication.publishedOn} {f.publication.way}公开{f.publishStatus === 'late' ? '（逾期）' : ''}</Tag> : f.publishStatus && <Tag color={f.publishStatus === 'overdue' ? 'orange' : 'default'}>{f.publishStatusLabel}</Tag>}
    </Space>
  );
}

const cases = (c?: string[]) => (c?.length ? <Typography.Text type="secondary">{c.join('、')}</Typography.Text> : null);

/** A tab's report, computed by the server when the tab opens (again when the org or year changes). */
function Computed<T>({ load, orgId, year, children }: { load: () => Promise<T>; orgId: number; year: number; children: (r: T) => ReactNode }) {
  const [r, setR] = useState<T>();
  const [error, setError] = useState<string>();
  // `load` is a new closure each render over the same org and year: only those refetch.
  useEffect(() => void load().then(setR, (e) => setError(e.message)), [orgId, year]);
  if (error) return <Alert type="error" showIcon title={error} />;
  if (r === undefined) return <Typography.Text type="secondary">正在计算…</Typography.Text>;
  return <>{children(r)}</>;
}

function GovinfoTab({ orgId, year }: { orgId: number; year: number }) {
  return (
    <Computed load={() => get('/api/reports/govinfo', { query: { orgId, year } })} orgId={orgId} year={year}>
      {(r) => (
        <>
          <Typography.Title level={5}>{r.title}</Typography.Title>
          <FilingLine f={r.filing} />
          <Typography.Paragraph>{r.overview}</Typography.Paragraph>
          <Typography.Text strong>{r.headings[1]}</Typography.Text>
          <Table size="small" pagination={false} rowKey="key" dataSource={r.active} columns={[
            { title: '事项', dataIndex: 'label', width: 160 },
            { title: '数量', render: (_, row) => row.figures.map((f) => `${f.label} ${f.value ?? '—'}${f.value === null ? '' : f.unit}`).join('；') },
          ]} />
          <Typography.Text strong>{r.headings[2]}</Typography.Text>
          {!r.requests.balanced && <Alert type="warning" showIcon title="本表勾稽关系不平衡，请核对" />}
          <Table size="small" pagination={false} rowKey="key" scroll={{ x: true }} dataSource={r.requests.rows} columns={[
            { title: '项目', dataIndex: 'label', width: 220 },
            ...r.requests.columns.map((c) => ({ title: c.label, key: c.key, render: (_: unknown, row: (typeof r.requests.rows)[number]) => row.cells[c.key] })),
          ]} />
          <Typography.Text strong>{r.headings[3]}</Typography.Text>
          <Table size="small" pagination={false} rowKey="key" dataSource={r.reviews} columns={[
            { title: '', dataIndex: 'label', width: 100 },
            { title: '维持', dataIndex: 'upheld' },
            { title: '纠正', dataIndex: 'corrected' },
            { title: '其他结果', dataIndex: 'other' },
            { title: '尚未审结', dataIndex: 'pending' },
            { title: '总计', dataIndex: 'total' },
            { title: '案号', dataIndex: 'cases', render: cases },
          ]} />
        </>
      )}
    </Computed>
  );
}

function ProposalsTab({ orgId, year }: { orgId: number; year: number }) {
  return (
    <Computed load={() => get('/api/reports/proposals', { query: { orgId, year } })} orgId={orgId} year={year}>
      {(r) => (
        <>
          <Typography.Title level={5}>{r.title}</Typography.Title>
          <Typography.Paragraph type="secondary">{r.deadline ? `${r.deadline.submitBy}前报送${r.deadline.recipient}` : '本单位不承担办理情况的报送义务'}；统计截至 {r.asOf}</Typography.Paragraph>
          <FilingLine f={r.filing} />
          <Typography.Paragraph>{r.overview}</Typography.Paragraph>
          <Table size="small" pagination={false} rowKey="key" dataSource={r.rows} columns={[
            { title: '类别', dataIndex: 'group', width: 100 },
            { title: '项目', dataIndex: 'label', width: 200 },
            ...r.columns.map((c) => ({ title: c.label, key: c.key, render: (_: unknown, row: (typeof r.rows)[number]) => row.cells[c.key] })),
            { title: '案号', dataIndex: 'cases', render: cases },
          ]} />
          <ul>
            {r.rates.map((x) => <li key={x.key}>{x.label}：{x.value === null ? '—' : `${x.value}%`}（{x.numerator}/{x.denominator}）</li>)}
          </ul>
        </>
      )}
    </Computed>
  );
}

function CoverageTab({ orgId, year }: { orgId: number; year: number }) {
  return (
    <Computed load={() => get('/api/reports/law-report-coverage', { query: { orgId, year } })} orgId={orgId} year={year}>
      {(r) => (
        <>
          <Typography.Title level={5}>{r.label}：{r.value === null ? '—' : `${r.value}%`}（{r.numerator}/{r.denominator}）</Typography.Title>
          <Typography.Paragraph type="secondary">{r.basis}</Typography.Paragraph>
          <Typography.Paragraph data-testid="coverage-missing">
            未述法单位：{r.missing.length ? r.missing.map((o) => <Tag color="red" key={o.orgId}>{o.name}</Tag>) : '无'}
          </Typography.Paragraph>
          <Table size="small" pagination={false} rowKey="orgId" dataSource={r.orgs} columns={[
            { title: '应述法单位', dataIndex: 'name' },
            { title: '认定', dataIndex: 'source', width: 110, render: (s: string) => (s === 'set' ? '本区设定' : '按单位类别') },
            { title: '述法', dataIndex: 'reported', width: 90, render: (x: boolean) => (x ? <Tag color="green">已述法</Tag> : <Tag color="red">未述法</Tag>) },
            { title: '记录', dataIndex: 'cases', render: cases },
          ]} />
          {r.others.length > 0 && <Typography.Paragraph type="secondary">其他单位述法：{r.others.map((o) => o.name).join('、')}</Typography.Paragraph>}
        </>
      )}
    </Computed>
  );
}

/** The 政府信息公开年报, the 办理情况 and the 述法覆盖率 of one org and year, computed when opened. */
export function AnnualDrawer({ row, year, onClose }: { row: BoardRow | null; year: number; onClose: () => void }) {
  return (
    <Drawer open={Boolean(row)} onClose={onClose} size={900} title={row ? `${row.orgName}${year}年度：信息公开年报、办理情况、述法覆盖率` : ''} destroyOnHidden>
      {row && (
        <Tabs
          items={[
            { key: 'govinfo', label: '政府信息公开年报', children: <GovinfoTab orgId={row.orgId} year={year} /> },
            { key: 'proposals', label: '建议提案办理情况', children: <ProposalsTab orgId={row.orgId} year={year} /> },
            { key: 'coverage', label: '述法覆盖率', children: <CoverageTab orgId={row.orgId} year={year} /> },
          ]}
        />
      )}
    </Drawer>
  );
}
