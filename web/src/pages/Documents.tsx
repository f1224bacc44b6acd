import { useEffect, useState } from 'react';
import { useToast } from '../components/toast.ts';
import { Link, useParams } from 'react-router';
import { Alert, Button, Card, Input, Modal, Select, Space, Tag, Typography } from 'antd';
import { DataTable } from '../components/DataTable.tsx';
import { get, post, put } from '../api.ts';
import { usePageTitle } from '../nav.tsx';
import '../print.css';

/** 文书 of a case: those issued (download, print) and the templates that can be issued now. */
export function CaseDocuments({ caseId, canAct, version }: { caseId: number; canAct: boolean; version: number }) {
  const message = useToast();
  const [data, setData] = useState<any>();
  const [template, setTemplate] = useState<string>();
  const load = () => get('/api/cases/{id}/documents', { params: { id: caseId } }).then(setData, () => undefined);
  useEffect(() => {
    load();
  }, [caseId, version]);
  if (!data) return null;
  return (
    <Card title="文书" size="small" style={{ marginBottom: 16 }} data-testid="case-documents">
      {data.issued.map((d: any) => (
        <div key={d.id} style={{ marginBottom: 4 }}>
          {d.title}（{d.number}）
          <Typography.Text type="secondary">
            {' '}
            {d.issuedOn} · {d.issuedBy}
          </Typography.Text>{' '}
          <Link to={`/documents/${d.id}`}>打印</Link> · <a href={`/api/documents/${d.id}/document.docx`}>下载 .docx</a>
        </div>
      ))}
      {canAct && data.available.length > 0 && (
        <Space style={{ marginTop: 8 }}>
          <Select aria-label="文书模板" placeholder="选择文书" style={{ width: 240 }} value={template} onChange={setTemplate} options={data.available.map((t: any) => ({ value: t.key, label: t.name }))} data-testid="document-template" />
          <Button
            disabled={!template}
            onClick={async () => {
              try {
                const d = (await post('/api/cases/{id}/documents', { params: { id: caseId }, body: { template: template! } })) as any;
                message.success(`已制作${d.title}，文号 ${d.number}`);
                setTemplate(undefined);
                load();
              } catch (e: any) {
                message.error(e.message);
              }
            }}
            data-testid="issue-document"
          >
            制作文书
          </Button>
        </Space>
      )}
    </Card>
  );
}

/** A 文书 laid out as printed: the console's header and menu are hidden by the print stylesheet. */
export function DocumentPrintPage() {
  const { id } = useParams();
  const [d, setD] = useState<any>();
  const [error, setError] = useState<string>();
  useEffect(() => {
    get('/api/documents/{id}', { params: { id: id! } }).then(setD, (e) => setError(e.message));
  }, [id]);
  usePageTitle(d ? `${d.title}（${d.number}）` : undefined);
  if (error) return <Alert type="error" title={error} />;
  if (!d) return <Card loading />;
  const [y, m, day] = d.date.split('-').map(Number);
  return (
    <>
      <Space className="no-print" style={{ marginBottom: 12 }}>
        <Button type="primary" onClick={() => window.print()}>
          打印
        </Button>
        <Button href={`/api/documents/${d.id}/document.docx`}>下载 .docx</Button>
        <Link to={`/cases/${d.caseId}`}>返回案件 {d.caseNumber}</Link>
      </Space>
      <article className="official-document" data-testid="document-print">
        <h1>{d.title}</h1>
        <p className="doc-number">{d.number}</p>
        {d.addressee && <p className="doc-addressee">{d.addressee}：</p>}
        {d.paragraphs.map((p: string, i: number) => (
          <p key={i}>{p}</p>
        ))}
        <p className="doc-signature">{d.signature}</p>
        <p className="doc-signature">{`${y}年${m}月${day}日`}</p>
      </article>
    </>
  );
}

/** 文书模板: every template in force; an admin edits one and the new version applies from then on. */
export function DocumentTemplatesPage() {
  const message = useToast();
  const [data, setData] = useState<any>();
  const [editing, setEditing] = useState<any>();
  const [text, setText] = useState('');
  const load = () => get('/api/document-templates').then(setData);
  useEffect(() => {
    load();
  }, []);
  if (!data) return <Card loading />;
  return (
    <Card title="文书模板">
      <Alert
        type="info"
        style={{ marginBottom: 12 }}
        title="占位符"
        description={
          <>
            {Object.entries(data.placeholders).map(([k, v]) => (
              <Tag key={k} title={String(v)}>{`{{${k}}}`}</Tag>
            ))}
            <div>{data.note}</div>
          </>
        }
      />
      <DataTable
        id="document-templates"
        exportName="文书模板"
        rowKey="key"
        size="small"
        pagination={false}
        dataSource={data.templates}
        columns={[
          { title: '文书', dataIndex: 'name', width: 200 },
          { title: '案件类型', dataIndex: 'typeName', width: 120 },
          { title: '版本', dataIndex: 'version', width: 80, render: (v: number) => (v ? `第${v}版` : '内置'), exportValue: (r: any) => (r.version ? `第${r.version}版` : '内置') },
          { title: '正文', dataIndex: 'body', ellipsis: true },
          {
            title: '操作',
            key: 'edit',
            width: 80,
            render: (_: any, r: any) => (
              <a href="#" onClick={(e) => (e.preventDefault(), setEditing(r), setText(r.body))}>
                修改
              </a>
            ),
          },
        ]}
      />
      {editing && (
        <Modal
          open
          width={760}
          title={`修改模板：${editing.name}`}
          okText="保存为新版本"
          onCancel={() => setEditing(undefined)}
          onOk={async () => {
            try {
              const r = (await put('/api/document-templates/{key}', { params: { key: editing.key }, body: { body: text } })) as { version: number };
              message.success(`已保存为第${r.version}版，此后制作的文书使用新版本`);
              setEditing(undefined);
              load();
            } catch (e: any) {
              message.error(e.message, 6);
            }
          }}
        >
          <Input.TextArea aria-label="模板正文" rows={12} value={text} onChange={(e) => setText(e.target.value)} />
          <Typography.Paragraph type="secondary" style={{ marginTop: 8 }}>
            每行一段。已制作的文书不受影响。
            <a href="#" onClick={(e) => (e.preventDefault(), setText(editing.builtInBody))}>
              恢复内置文本
            </a>
          </Typography.Paragraph>
        </Modal>
      )}
    </Card>
  );
}
