import { z } from 'zod';
import { badRequest } from './errors.ts';

z.config(z.locales.zhCN());

/** The field's Chinese title, found by walking the schema along the issue's path. */
function titleAt(schema: z.ZodType, path: PropertyKey[]): string {
  let s: any = schema;
  let title: string | undefined;
  for (const key of path) {
    while (s && (s.def?.type === 'optional' || s.def?.type === 'nullable' || s.def?.type === 'default')) s = s.def.innerType;
    if (!s) break;
    if (s.def?.type === 'object') s = s.shape?.[key as string];
    else if (s.def?.type === 'array') s = s.def.element;
    else break;
    title = s?.meta?.()?.title ?? (typeof key === 'number' ? title : undefined);
  }
  const numbered = path.filter((p) => typeof p === 'number').map((p) => `第${(p as number) + 1}项`).join('');
  return title ? `${numbered}${title}` : path.map(String).join('.') || '输入';
}

export function describeIssues(schema: z.ZodType, issues: z.core.$ZodIssue[]): string[] {
  return issues.map((iss) => {
    const where = titleAt(schema, iss.path);
    if (iss.code === 'invalid_type' && (iss as any).input === undefined) return `「${where}」为必填项`;
    if (iss.code === 'invalid_type') return `「${where}」格式不正确`;
    if (iss.code === 'invalid_value') return `「${where}」的取值不在可选范围内`;
    if (iss.code === 'unrecognized_keys') return `不认识的字段：${iss.keys.join('、')}`;
    return `「${where}」${iss.message}`;
  });
}

/** Parses input at the edge; a failure becomes one 400 listing every problem in Chinese. */
export function parseInput<S extends z.ZodType>(schema: S, input: unknown): z.infer<S> {
  const r = schema.safeParse(input);
  if (r.success) return r.data;
  const problems = describeIssues(schema, r.error.issues);
  throw badRequest(`填写有误：${problems.join('；')}`, { problems });
}
