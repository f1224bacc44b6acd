import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { connect, migrate } from '../kernel/db/connect.ts';
import { Kernel } from '../kernel/kernel.ts';
import { createRegistry } from '../institutions/index.ts';
import { buildApp } from './app.ts';

/**
 * web/src/api-types.ts, written from the app's own OpenAPI document (`npm run docs:api-types`):
 * for every path and method, the path parameters, query, body and 2xx response as TypeScript types,
 * so the console is checked by tsc against the schemas the routes declare. A test fails when it is stale.
 */

type Schema = Record<string, any>;
interface OpenApiDoc {
  paths: Record<string, Record<string, Operation>>;
  components?: { schemas?: Record<string, Schema> };
}
interface Operation {
  parameters?: { in: string; name: string; required?: boolean; schema?: Schema }[];
  requestBody?: { content?: Record<string, { schema?: Schema }> };
  responses?: Record<string, { content?: Record<string, { schema?: Schema }> }>;
}

const METHODS = ['get', 'post', 'put', 'patch', 'delete'];
const IDENT = /^[A-Za-z_$][A-Za-z0-9_$]*$/;

/** The named schemas a document's types refer to, collected while writing them. */
const named = new WeakMap<OpenApiDoc, Set<string>>();

const key = (k: string) => (IDENT.test(k) ? k : JSON.stringify(k));
const pad = (depth: number) => '  '.repeat(depth);

/** A JSON schema (OpenAPI 3.0 dialect, as fastify-type-provider-zod emits it) as a TypeScript type. */
export function schemaToType(s: Schema | undefined, doc: OpenApiDoc, depth = 0): string {
  if (!s || typeof s !== 'object') return 'unknown';
  const nullable = (t: string) => (s.nullable ? `${t} | null` : t);
  if (s.$ref) {
    // A named schema (zod `.meta({ id })`, needed for recursion such as the org tree): a named type.
    const name = String(s.$ref).split('/').pop()!;
    if (!doc.components?.schemas?.[name] || !IDENT.test(name)) throw new Error(`未知的 schema 引用：${s.$ref}`);
    named.get(doc)?.add(name);
    return nullable(name);
  }
  if (s.enum) return nullable(s.enum.map((v: unknown) => JSON.stringify(v)).join(' | '));
  if (s.const !== undefined) return nullable(JSON.stringify(s.const));
  for (const join of ['anyOf', 'oneOf'] as const) {
    if (s[join]) return nullable(s[join].map((x: Schema) => wrap(schemaToType(x, doc, depth))).join(' | '));
  }
  if (s.allOf) return nullable(s.allOf.map((x: Schema) => wrap(schemaToType(x, doc, depth))).join(' & '));
  const types: string[] = Array.isArray(s.type) ? s.type : s.type ? [s.type] : [];
  if (!types.length) return s.properties ? nullable(objectType(s, doc, depth)) : 'unknown';
  return nullable(
    types
      .map((t) => {
        switch (t) {
          case 'string':
            return 'string';
          case 'integer':
          case 'number':
            return 'number';
          case 'boolean':
            return 'boolean';
          case 'null':
            return 'null';
          case 'array':
            return `${wrap(schemaToType(s.items, doc, depth))}[]`;
          case 'object':
            return objectType(s, doc, depth);
          default:
            return 'unknown';
        }
      })
      .join(' | '),
  );
}

/** Parenthesised when it may be a union or intersection (harmless when it is not). */
const wrap = (t: string) => (/[|&]/.test(t) ? `(${t})` : t);

function objectType(s: Schema, doc: OpenApiDoc, depth: number): string {
  const props = Object.entries((s.properties ?? {}) as Record<string, Schema>);
  const required = new Set<string>(s.required ?? []);
  const extra = s.additionalProperties;
  const lines = props.map(([k, v]) => `${pad(depth + 1)}${key(k)}${required.has(k) ? '' : '?'}: ${schemaToType(v, doc, depth + 1)};`);
  // A record (z.record) or an open object: the named keys plus any others of the given type.
  if (extra && typeof extra === 'object') lines.push(`${pad(depth + 1)}[key: string]: ${props.length ? 'unknown' : schemaToType(extra, doc, depth + 1)};`);
  else if (extra === true || (!props.length && extra !== false)) lines.push(`${pad(depth + 1)}[key: string]: unknown;`);
  return lines.length ? `{\n${lines.join('\n')}\n${pad(depth)}}` : '{}';
}

function parametersType(op: Operation, where: 'path' | 'query', doc: OpenApiDoc, depth: number): string | undefined {
  const ps = (op.parameters ?? []).filter((p) => p.in === where);
  if (!ps.length) return undefined;
  return `{\n${ps.map((p) => `${pad(depth + 1)}${key(p.name)}${p.required ? '' : '?'}: ${schemaToType(p.schema, doc, depth + 1)};`).join('\n')}\n${pad(depth)}}`;
}

function responseType(op: Operation, doc: OpenApiDoc, depth: number): string {
  const ok = Object.entries(op.responses ?? {})
    .filter(([code]) => /^2\d\d$/.test(code))
    .map(([, r]) => r.content?.['application/json']?.schema)
    .filter((s): s is Schema => Boolean(s));
  // No declared schema: the caller gets `unknown` and must narrow it.
  if (!ok.length) return 'unknown';
  return [...new Set(ok.map((s) => schemaToType(s, doc, depth)))].join(' | ');
}

/** The generated module's text. */
export function apiTypesSource(doc: OpenApiDoc): string {
  const refs = new Set<string>();
  named.set(doc, refs);
  const out: string[] = [
    '// 由 src/server/openapi-types.ts 从 /api/openapi.json 生成：npm run docs:api-types。请勿手工修改。',
    '// For each path and method: params (path), query, body (JSON) and the 2xx response;',
    '// `response: unknown` where the route declares no response schema.',
    '',
    'export interface ApiPaths {',
  ];
  for (const p of Object.keys(doc.paths).sort()) {
    const ops = Object.entries(doc.paths[p]).filter(([m]) => METHODS.includes(m));
    if (!ops.length) continue;
    out.push(`  ${JSON.stringify(p)}: {`);
    for (const [method, op] of ops) {
      const parts: string[] = [];
      const params = parametersType(op, 'path', doc, 3);
      if (params) parts.push(`      params: ${params};`);
      const query = parametersType(op, 'query', doc, 3);
      if (query) parts.push(`      query: ${query};`);
      const content = op.requestBody?.content ?? {};
      if (content['application/json']) parts.push(`      body: ${schemaToType(content['application/json'].schema, doc, 3)};`);
      parts.push(`      response: ${responseType(op, doc, 3)};`);
      out.push(`    ${method}: {`, ...parts, '    };');
    }
    out.push('  };');
  }
  out.push('}');
  // Named schemas, and those they refer to in turn.
  const done = new Set<string>();
  for (let more = [...refs]; more.length; more = [...refs].filter((n) => !done.has(n))) {
    for (const name of more.sort()) {
      done.add(name);
      out.push('', `export type ${name} = ${schemaToType(doc.components!.schemas![name], doc, 0)};`);
    }
  }
  out.push('');
  return out.join('\n');
}

export const API_TYPES_FILE = path.join(path.dirname(fileURLToPath(import.meta.url)), '../../web/src/api-types.ts');

/** Builds the app on a scratch in-memory database and returns its OpenAPI document. */
export async function openApiDocument(): Promise<OpenApiDoc> {
  const conn = await connect({ dataDir: 'memory://' });
  try {
    await migrate(conn.db);
    const app = await buildApp(await Kernel.open(conn, createRegistry()));
    await app.ready();
    const doc = app.swagger() as unknown as OpenApiDoc;
    await app.close();
    return doc;
  } finally {
    await conn.close();
  }
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  fs.writeFileSync(API_TYPES_FILE, apiTypesSource(await openApiDocument()));
  console.log(`已生成 ${path.relative(process.cwd(), API_TYPES_FILE)}`);
}
