import { Alert, Button, Form, Upload } from 'antd';

/** The file field of an import form: one .xlsx or .csv, kept in the browser until submitted. */
export function SpreadsheetField({ label = '文件' }: { label?: string }) {
  return (
    <Form.Item name="file" label={label} rules={[{ required: true, message: '请选择文件' }]}>
      <Upload beforeUpload={() => false} maxCount={1} accept=".xlsx,.csv">
        <Button>选择文件</Button>
      </Upload>
    </Form.Item>
  );
}

/** The chosen file as multipart form data. */
export function spreadsheetForm(values: { file?: { fileList?: { originFileObj?: File }[] } }): FormData {
  const file = values.file?.fileList?.[0]?.originFileObj;
  if (!file) throw new Error('请选择要导入的文件');
  const form = new FormData();
  form.append('file', file);
  return form;
}

/** Every bad row the server named, after an import that wrote nothing. */
export function ProblemsAlert({ problems, nothing }: { problems?: string[]; nothing: string }) {
  if (!problems) return null;
  return <Alert type="error" title={`共 ${problems.length} 处有误，${nothing}`} description={<div style={{ maxHeight: 200, overflow: 'auto' }}>{problems.map((p) => <div key={p}>{p}</div>)}</div>} />;
}
