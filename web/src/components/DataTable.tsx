import { useMemo, useState, type ReactNode } from 'react';
import { useToast } from './toast.ts';
import { Button, Checkbox, Popover, Space, Table, type TableProps } from 'antd';
import { DownloadOutlined, SettingOutlined } from '@ant-design/icons';
import { downloadXlsx, type Cell } from './xlsx.ts';

/** A column that can also say what its cell is as text or a number, for the Excel export. */
export type DataColumn<T> = NonNullable<TableProps<T>['columns']>[number] & { dataIndex?: string; title?: ReactNode; exportValue?: (row: T) => Cell; key?: string };

const columnKey = (c: DataColumn<any>, i: number) => String(c.key ?? c.dataIndex ?? (typeof c.title === 'string' ? c.title : i));
const plain = (v: unknown): Cell => (v === null || v === undefined ? '' : Array.isArray(v) ? v.join('、') : typeof v === 'object' ? '' : (v as Cell));

/**
 * A table with the toolbar clerks expect: 列设置 (kept per table in this browser) and 导出Excel
 * of what is shown. For a server-paged list, `exportAll` fetches every row first.
 */
export function DataTable<T extends object>({
  id,
  exportName,
  exportAll,
  exportHref,
  columns,
  toolbar,
  ...rest
}: Omit<TableProps<T>, 'columns'> & {
  /** Where the column choice is kept (one per table). */
  id: string;
  exportName: string;
  exportAll?: () => Promise<T[]>;
  /** The server's own export of the whole filtered list (masked there), instead of the rows shown. */
  exportHref?: string;
  columns: DataColumn<T>[];
  toolbar?: ReactNode;
}) {
  const message = useToast();
  const storageKey = `fazhi:columns:${id}`;
  const [hidden, setHidden] = useState<string[]>(() => {
    try {
      return JSON.parse(localStorage.getItem(storageKey) ?? '[]');
    } catch {
      return [];
    }
  });
  const [busy, setBusy] = useState(false);
  const keyed = useMemo(() => columns.map((c, i) => ({ c, key: columnKey(c, i) })), [columns]);
  const visible = keyed.filter((x) => !hidden.includes(x.key)).map((x) => x.c);
  const setHiddenKept = (h: string[]) => {
    setHidden(h);
    localStorage.setItem(storageKey, JSON.stringify(h));
  };
  const exportRows = async () => {
    setBusy(true);
    try {
      const rows = exportAll ? await exportAll() : ((rest.dataSource ?? []) as T[]);
      const cols = visible.filter((c) => typeof c.title === 'string' && c.title);
      downloadXlsx(
        exportName,
        cols.map((c) => c.title as string),
        rows.map((r) => cols.map((c) => (c.exportValue ? c.exportValue(r) : plain(c.dataIndex ? (r as any)[c.dataIndex] : '')))),
      );
      message.success(`已导出 ${rows.length} 行`);
    } catch (e: any) {
      message.error(e.message);
    } finally {
      setBusy(false);
    }
  };
  const settings = (
    <Checkbox.Group
      value={keyed.filter((x) => !hidden.includes(x.key)).map((x) => x.key)}
      onChange={(shown) => setHiddenKept(keyed.map((x) => x.key).filter((k) => !shown.includes(k)))}
      style={{ display: 'flex', flexDirection: 'column', gap: 4 }}
      options={keyed.filter((x) => typeof x.c.title === 'string' && x.c.title).map((x) => ({ value: x.key, label: x.c.title as string }))}
    />
  );
  return (
    <>
      <Space style={{ marginBottom: 8, width: '100%', justifyContent: 'space-between' }} wrap>
        <Space wrap>{toolbar}</Space>
        <Space>
          <Popover trigger="click" title="显示的列" content={settings} placement="bottomRight">
            <Button size="small" icon={<SettingOutlined />} data-testid={`columns-${id}`}>
              列设置
            </Button>
          </Popover>
          <Button size="small" icon={<DownloadOutlined />} loading={busy} href={exportHref} onClick={exportHref ? undefined : exportRows} data-testid={`export-${id}`}>
            导出Excel
          </Button>
        </Space>
      </Space>
      <Table<T> {...rest} columns={visible as any} />
    </>
  );
}
