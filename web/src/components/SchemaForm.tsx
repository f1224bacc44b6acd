import { Button, Card, DatePicker, Form, Input, InputNumber, Select, Switch, TimePicker, type FormInstance } from 'antd';
import { useOrgTree } from '../hooks.ts';
import dayjs, { type Dayjs } from 'dayjs';
import { OrgTreeSelect } from './OrgTreeSelect.tsx';

/**
 * A form generated from the JSON Schema the server derives from its zod schemas, so every
 * case type's intake and every procedural step get a form without UI code of their own.
 */
type Schema = {
  type?: string;
  title?: string;
  format?: string;
  widget?: string;
  anyOf?: Schema[];
  enum?: string[];
  options?: Record<string, string>;
  properties?: Record<string, Schema>;
  required?: string[];
  items?: Schema;
  maxLength?: number;
  minimum?: number;
  maximum?: number;
  minItems?: number;
};

function field(name: (string | number)[], s: Schema, required: boolean, key: string) {
  const label = s.title ?? String(name.at(-1));
  const rules = required ? [{ required: true, message: `请填写${label}` }] : [];
  if (s.format === 'date') {
    return (
      <Form.Item key={key} name={name} label={label} rules={rules} getValueProps={(v) => ({ value: v ? dayjs(v) : undefined })} normalize={(v: Dayjs | null) => v?.format('YYYY-MM-DD')}>
        <DatePicker style={{ width: '100%' }} />
      </Form.Item>
    );
  }
  // The time of a step that an hour clock reads (12345 紧急工单), 'HH:mm'.
  if (s.format === 'time') {
    return (
      <Form.Item key={key} name={name} label={label} rules={rules} getValueProps={(v) => ({ value: v ? dayjs(v, 'HH:mm') : undefined })} normalize={(v: Dayjs | null) => v?.format('HH:mm')}>
        <TimePicker format="HH:mm" style={{ width: '100%' }} />
      </Form.Item>
    );
  }
  if (s.widget === 'org') {
    return (
      <Form.Item key={key} name={name} label={label} rules={rules}>
        <OrgPicker />
      </Form.Item>
    );
  }
  if (s.enum) {
    return (
      <Form.Item key={key} name={name} label={label} rules={rules}>
        <Select options={s.enum.map((v) => ({ value: v, label: s.options?.[v] ?? v }))} placeholder={`请选择${label}`} allowClear={!required} />
      </Form.Item>
    );
  }
  if (s.type === 'integer' || s.type === 'number') {
    return (
      <Form.Item key={key} name={name} label={label} rules={rules}>
        <InputNumber min={s.minimum} max={s.maximum} style={{ width: '100%' }} />
      </Form.Item>
    );
  }
  if (s.type === 'boolean') {
    return (
      // An untouched switch means "no": send false rather than nothing, or a required flag fails.
      <Form.Item key={key} name={name} label={label} valuePropName="checked" initialValue={false}>
        <Switch />
      </Form.Item>
    );
  }
  if (s.type === 'array' && s.items?.properties) {
    const item = s.items;
    return (
      <Form.List key={key} name={name} initialValue={[{}]}>
        {(rows, { add, remove }) => (
          <div style={{ marginBottom: 16 }}>
            <div style={{ marginBottom: 8 }}>{label}</div>
            {rows.map((row, i) => (
              <Card key={row.key} size="small" title={`${label} ${i + 1}`} extra={rows.length > (s.minItems ?? 0) && <a onClick={() => remove(row.name)}>删除</a>} style={{ marginBottom: 8 }}>
                {Object.entries(item.properties!).map(([k, sub]) => field([row.name, k], sub, item.required?.includes(k) ?? false, `${row.key}-${k}`))}
              </Card>
            ))}
            <Button onClick={() => add({})}>添加{label}</Button>
          </div>
        )}
      </Form.List>
    );
  }
  return (
    <Form.Item key={key} name={name} label={label} rules={rules}>
      {s.widget === 'textarea' || (s.maxLength ?? 0) > 300 ? <Input.TextArea rows={3} maxLength={s.maxLength} /> : <Input maxLength={s.maxLength} />}
    </Form.Item>
  );
}

/** An org (or several) of the user's scope, picked from the tree and searchable by name (承办单位, 调解委员会, 抄送). */
export function OrgPicker(props: { value?: number | number[]; onChange?: (v: any) => void; multiple?: boolean; placeholder?: string }) {
  const tree = useOrgTree();
  return <OrgTreeSelect tree={tree} placeholder="请选择单位" {...props} data-testid="org-picker" />;
}

export function SchemaFields({ schema, prefix = [] }: { schema: Schema | null; prefix?: string[] }) {
  if (!schema?.properties) return null;
  return <>{Object.entries(schema.properties).map(([k, s]) => field([...prefix, k], s, schema.required?.includes(k) ?? false, [...prefix, k].join('.')))}</>;
}

/** Drops empty strings so optional fields are omitted rather than sent blank. */
export function clean<T>(v: T): T {
  if (Array.isArray(v)) return v.map(clean) as T;
  if (v && typeof v === 'object') return Object.fromEntries(Object.entries(v).filter(([, x]) => x !== '' && x !== undefined && x !== null).map(([k, x]) => [k, clean(x)])) as T;
  return v;
}

export type { FormInstance };
