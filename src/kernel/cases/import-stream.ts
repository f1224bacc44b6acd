import fs from 'node:fs';
import type { Kernel } from '../kernel.ts';
import type { Actor } from '../auth/actor.ts';
import { badRequest } from '../errors.ts';
import { bulkBatch, OrgDirectory } from './bulk.ts';
import { failOnProblems, rowToCase } from './import.ts';

/**
 * Imports of any size (a city's year of 12345 orders): rows arrive in chunks, each chunk is
 * worked through in memory and written set-based, all inside one transaction, so memory stays
 * bounded and the user still gets all or nothing. After the first bad row nothing more is
 * written, but every later row is still checked so the report names every bad line.
 */
export async function importRowChunks(
  k: Kernel,
  actor: Actor,
  input: { type: string; orgId: number; chunks: AsyncIterable<Record<string, unknown>[]>; onChunk?: (rows: number) => void },
): Promise<{ imported: number }> {
  const def = k.types.get(input.type);
  let line = 1; // row 1 is the header
  let imported = 0;
  await k.db.transaction().execute(async (trx) => {
    const orgs = await OrgDirectory.load(trx);
    const batch = await bulkBatch(k, trx);
    for await (const rows of input.chunks) {
      for (const row of rows) await batch.add(rowToCase(def, orgs, actor, input.orgId, row, ++line));
      if (batch.problems.length === 0) imported += await batch.write(trx);
      else batch.drafts.length = 0;
      input.onChunk?.(line - 1);
    }
    if (line === 1) throw badRequest('表格中没有数据行');
    failOnProblems(batch.problems);
  });
  return { imported };
}

/** Splits CSV text arriving in pieces into rows (quotes may span pieces and lines). */
export class CsvSplitter {
  private row: string[] = [];
  private cell = '';
  private quoted = false;
  private pendingQuote = false;
  private skipLf = false;

  push(text: string, out: string[][]) {
    for (let i = 0; i < text.length; i++) {
      const ch = text[i];
      if (this.skipLf) {
        this.skipLf = false;
        if (ch === '\n') continue;
      }
      if (this.pendingQuote) {
        this.pendingQuote = false;
        if (ch === '"') {
          this.cell += '"';
          continue;
        }
        this.quoted = false;
      }
      if (this.quoted) {
        if (ch === '"') this.pendingQuote = true;
        else this.cell += ch;
      } else if (ch === '"') this.quoted = true;
      else if (ch === ',') this.row.push(this.cell), (this.cell = '');
      else if (ch === '\n' || ch === '\r') {
        this.skipLf = ch === '\r';
        this.row.push(this.cell);
        out.push(this.row);
        this.row = [];
        this.cell = '';
      } else this.cell += ch;
    }
  }

  end(out: string[][]) {
    if (this.cell || this.row.length) this.row.push(this.cell), out.push(this.row);
    this.row = [];
    this.cell = '';
  }
}

/** A CSV file (UTF-8, optional BOM) read in chunks of rows, header → cell. */
export async function* csvFileChunks(path: string, chunkRows = 5000, onBytes?: (read: number, total: number) => void): AsyncGenerator<Record<string, unknown>[]> {
  const total = fs.statSync(path).size;
  const splitter = new CsvSplitter();
  let head: string[] | undefined;
  let pending: string[][] = [];
  let read = 0;
  const toRecords = (rows: string[][]) =>
    rows.filter((r) => r.some((c) => c.trim())).map((r) => Object.fromEntries(head!.map((h, i) => [h, r[i] ?? ''])));
  for await (const piece of fs.createReadStream(path, { encoding: 'utf8', highWaterMark: 1 << 20 })) {
    read += Buffer.byteLength(piece as string);
    splitter.push(head || pending.length ? (piece as string) : (piece as string).replace(/^\uFEFF/, ''), pending);
    if (!head && pending.length) head = pending.shift()!.map((h) => h.trim().replace(/\*$/, ''));
    while (pending.length >= chunkRows) yield toRecords(pending.splice(0, chunkRows));
    onBytes?.(read, total);
  }
  splitter.end(pending);
  if (!head && pending.length) head = pending.shift()!.map((h) => h.trim().replace(/\*$/, ''));
  if (pending.length) yield toRecords(pending);
}
