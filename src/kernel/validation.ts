import { z } from 'zod';
import { badRequest } from './errors.ts';

z.config(z.locales.zhCN());

/** Ids are PostgreSQL int4: anything past this is refused at the edge instead of failing in the database. */
export const INT4_MAX = 2_147_483_647;

/** A record id in a JSON body (单位、案件、抽查任务…). */
export const recordId = (title: string) => z.number().int().min(1).max(INT4_MAX).meta({ title });
/** A record id in the URL path or query string, where it arrives as text. */
export const recordIdParam = (title: string) => z.coerce.number().int().min(1).max(INT4_MAX).meta({ title });
/** `/:id` paths. */
export const idParams = z.object({ id: recordIdParam('编号') });

// NUL cannot be stored in PostgreSQL text, and a lone surrogate is not valid UTF-8: both used to reach the database as a 500.
const UNSTORABLE = /\u0000|[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/;
export const hasUnstorableChars = (s: string) => UNSTORABLE.test(s);

/** The path of the first string (value or key) in a parsed input that the database cannot store, or null. */
export function findUnstorableString(input: unknown): PropertyKey[] | null {
  // Each node points at its parent, so deep input costs one step per value; the path is built only for a hit.
  type Node = { value: unknown; key?: PropertyKey; parent?: Node };
  const pathOf = (n: Node | undefined): PropertyKey[] => {
    const out: PropertyKey[] = [];
    for (; n && n.key !== undefined; n = n.parent) out.unshift(n.key);
    return out;
  };
  const stack: Node[] = [{ value: input }];
  while (stack.length) {
    const node = stack.pop()!;
    const { value } = node;
    if (typeof value === 'string') {
      if (UNSTORABLE.test(value)) return pathOf(node);
    } else if (value && typeof value === 'object' && !(value instanceof Date)) {
      const isArray = Array.isArray(value);
      for (const [key, child] of Object.entries(value)) {
        if (UNSTORABLE.test(key)) return pathOf(node);
        stack.push({ value: child, key: isArray ? Number(key) : key, parent: node });
      }
    }
  }
  return null;
}

/** Pages beyond this are refused: an offset of billions made the database scan for seconds. */
export const MAX_PAGE = 10_000;

/** A LIKE pattern matching `text` anywhere, with the user's % _ and \ taken literally. */
export const likeContains = (text: string) => `%${text.replace(/[\\%_]/g, '\\$&')}%`;

/** Titles for the keys that recur in every route, used when a schema carries no title of its own. */
const COMMON_TITLES: Record<string, string> = {
  id: '编号',
  orgId: '单位',
  version: '版本号',
  on: '办理日期',
  data: '办理内容',
  fields: '登记内容',
  page: '页码',
  pageSize: '每页条数',
  q: '关键词',
  type: '案件类型',
  state: '状态',
  year: '年度',
  kind: '类型',
  note: '说明',
  title: '标题',
  items: '清单事项',
  sections: '报告章节',
  heading: '标题',
  body: '正文',
  comment: '意见',
  action: '操作',
  key: '指标',
  keys: '指标',
  day: '日期',
  name: '名称',
  username: '用户名',
  password: '密码',
  eventId: '所附环节',
};

const ROOT_TITLES: Record<string, string> = { body: '提交的内容', querystring: '查询条件', params: '网址参数', headers: '请求头' };

function unwrap(s: any) {
  while (s && ['optional', 'nullable', 'default', 'prefault', 'catch', 'readonly', 'pipe'].includes(s.def?.type)) s = s.def.type === 'pipe' ? s.def.in : s.def.innerType;
  return s;
}

/** The field's Chinese title, found by walking the schema along the issue's path. */
export function titleAt(schema: z.ZodType, path: PropertyKey[], root = '提交的内容'): string {
  let s: any = schema;
  let title: string | undefined;
  for (const key of path) {
    s = unwrap(s);
    if (!s) break;
    if (s.def?.type === 'object') s = s.shape?.[key as string];
    else if (s.def?.type === 'array') s = s.def.element;
    else if (s.def?.type === 'record') s = s.def.valueType;
    else s = undefined;
    title = s?.meta?.()?.title ?? (typeof key === 'string' ? COMMON_TITLES[key] : title);
  }
  const numbered = path.filter((p) => typeof p === 'number').map((p) => `第${(p as number) + 1}项`).join('');
  if (title) return `${numbered}${title}`;
  return path.length ? `${numbered}${root}中的一项` : root;
}

const TYPE_NAMES: Record<string, string> = {
  number: '数字',
  int: '整数',
  string: '文字',
  boolean: '“是”或“否”',
  array: '列表',
  object: '一组字段',
  date: '日期',
};

const ZOD_WORDING = /^(无效|数值过|出现未知的键)|中的键\(key\)|中包含无效值/;

/** One sentence per problem, in Chinese, naming the field by its title; never zod's own wording. */
function describeIssue(where: string, iss: z.core.$ZodIssue): string {
  const i = iss as any;
  // A message the schema's author wrote (「当事人」至少填写一名申请人) is kept; zod's own wording is replaced.
  const authored = !ZOD_WORDING.test(iss.message) && /[\u4e00-\u9fff]/.test(iss.message) && !/[A-Za-z]{3,}/.test(iss.message.replace('YYYY-MM-DD', ''));
  if (authored && iss.code !== 'invalid_type') return `「${where}」${iss.message}`;
  switch (iss.code) {
    case 'invalid_type':
      if (i.input === undefined) return `「${where}」为必填项`;
      if (i.input === null) return `「${where}」不能为空`;
      return `「${where}」应为${TYPE_NAMES[i.expected] ?? '正确的格式'}`;
    case 'too_big': {
      const max = Number(i.maximum);
      if (i.origin === 'string') return `「${where}」不能超过${max}个字`;
      if (i.origin === 'array' || i.origin === 'set') return `「${where}」最多${max}项`;
      return `「${where}」不能大于${max > 1e12 ? '允许的范围' : max}`;
    }
    case 'too_small': {
      const min = Number(i.minimum);
      if (i.origin === 'string') return min <= 1 ? `「${where}」不能为空` : `「${where}」至少${min}个字`;
      if (i.origin === 'array' || i.origin === 'set') return `「${where}」至少${min}项`;
      return `「${where}」不能小于${min}`;
    }
    case 'invalid_value': {
      const options = (i.values as unknown[] | undefined)?.length && (i.values as unknown[]).length <= 8 ? `（可选：${(i.values as unknown[]).join('、')}）` : '';
      return /[A-Za-z]/.test(options) ? `「${where}」的取值不在可选范围内` : `「${where}」的取值不在可选范围内${options}`;
    }
    case 'unrecognized_keys':
      return `「${where}」含有系统不认识的字段，请删除后重新提交`;
    case 'invalid_format':
      return `「${where}」格式不正确`;
    default:
      return `「${where}」格式不正确`;
  }
}

export function describeIssues(schema: z.ZodType, issues: z.core.$ZodIssue[], root?: string): string[] {
  const out = issues.map((iss) => describeIssue(titleAt(schema, iss.path, root), iss));
  return [...new Set(out)];
}

/** Parses input at the edge; a failure becomes one 400 listing every problem in Chinese. */
export function parseInput<S extends z.ZodType>(schema: S, input: unknown): z.infer<S> {
  const r = schema.safeParse(input, { reportInput: true });
  if (r.success) return r.data;
  const problems = describeIssues(schema, r.error.issues);
  throw badRequest(`填写有误：${problems.join('；')}`, { problems });
}

export { ROOT_TITLES };
