import fs from 'node:fs';
import { parseArgs } from 'node:util';
import { settingsFromEnv } from '../config.ts';
import { connect, migrate } from '../kernel/db/connect.ts';
import { Kernel } from '../kernel/kernel.ts';
import { createRegistry } from '../institutions/index.ts';
import { computeDue } from '../kernel/calendar/calendar.ts';
import { isIsoDate } from '../kernel/calendar/dates.ts';
import { verifyChain } from '../kernel/audit/audit.ts';
import { describeCaseTypes } from '../kernel/cases/describe.ts';
import { applyExpiries, recomputeAllClocks } from '../kernel/cases/engine.ts';
import { computeIndicators } from '../kernel/indicators/compute.ts';
import { findOrg, topOrg } from '../kernel/orgs.ts';
import { AppError } from '../kernel/errors.ts';
import { DEMO_ACCOUNTS, DEMO_PASSWORD, loadDemo } from '../demo/district.ts';
import { progress } from './progress.ts';
import { analyzeFile, expandPaths, summaryCsv, type FileResult } from '../analysis/files.ts';
import { KIND_LABELS } from '../analysis/structure.ts';
import { openReport, reportAsDocx, type ReportSection } from '../reports/report.ts';
import { checkReport } from '../reports/check.ts';
import { docxToPdf, findSoffice, PDF_UNAVAILABLE } from '../reports/pdf.ts';
import { STATE_LABELS } from '../reports/workflow.ts';
import { readDraw, verifyDraw } from '../institutions/inspection-draw/draw.ts';
import { buildWebIfNeeded, WEB_DIST } from '../server/web.ts';


const HELP = `fazhi — 法治政府建设工作平台

用法: npx fazhi <命令> [选项]

  start                      构建控制台（如需要）、迁移数据库、首次运行时载入演示区，启动服务
  migrate                    迁移数据库到最新结构
  demo [--as-of YYYY-MM-DD]  载入演示区「青溪区」（已存在则跳过）
  deadline --from D (--workdays N | --days N) [--json]
                             计算期限：自 D 起 N 个工作日 / N 个自然日（届满日遇节假日顺延）
  case-types [--json]        列出全部案件类型：状态、环节、时限、结果、指标
  indicators [--org 单位] [--year 年] [--json]
                             计算单位（含下级）某年度的全部指标
  analyze 文件或目录… [--json] [--csv 汇总.csv]
                             分析已发布的年度报告（txt/html/docx/pdf）：结构、数据、矛盾、质量
  report docx [--org 单位] [--year 年] --out 文件.docx
                             按 GB/T 9704 公文格式生成年度报告 .docx
  report pdf [--org 单位] [--year 年] --out 文件.pdf
                             生成 PDF（需安装 LibreOffice）
  report check [--org 单位] [--year 年] [--json]
                             检查单位年度报告（尚无报告时按记录生成初稿）：结构、原因、数据绑定、矛盾、期限
  draw verify (任务编号 | --file 公开记录.json) [--json]
                             复核双随机抽取：种子与承诺值（SM3）是否相符，按种子重抽是否得到同一名单
  audit verify [--json]      重新计算审计日志哈希链，报告第一处断链
  clocks recompute           按当前节假日重新计算全部案件期限
  help                       显示本帮助

数据库：默认内嵌 PGlite，数据在 ./data（或 DATA_DIR）；设置 DATABASE_URL=postgres://… 使用 PostgreSQL。`;

async function openKernel() {
  const s = settingsFromEnv();
  const conn = await connect({ databaseUrl: s.databaseUrl, dataDir: s.dataDir });
  await migrate(conn.db);
  return { k: await Kernel.open(conn, createRegistry()), settings: s };
}

async function main(argv: string[]) {
  const [cmd, ...rest] = argv;
  const { values, positionals } = parseArgs({
    args: rest,
    allowPositionals: true,
    options: {
      from: { type: 'string' },
      workdays: { type: 'string' },
      days: { type: 'string' },
      json: { type: 'boolean', default: false },
      'as-of': { type: 'string' },
      org: { type: 'string' },
      year: { type: 'string' },
      csv: { type: 'string' },
      out: { type: 'string' },
      file: { type: 'string' },
    },
  });

  switch (cmd) {
    case 'deadline': {
      const from = values.from;
      if (!from || !isIsoDate(from)) throw new AppError(400, 'bad_request', '请用 --from YYYY-MM-DD 指定起算日期（须为真实日期）');
      const n = Number(values.workdays ?? values.days);
      if ((values.workdays === undefined) === (values.days === undefined) || !Number.isInteger(n) || n < 1) {
        throw new AppError(400, 'bad_request', '请用 --workdays N 或 --days N（正整数，二选一）指定期限');
      }
      // The calendar needs the admin's overrides when a database is there; the package data otherwise.
      const { k } = await openKernel();
      const r = computeDue(k.calendar, from, { length: n, unit: values.workdays ? 'workday' : 'day' });
      await k.conn.close();
      if (values.json) console.log(JSON.stringify(r));
      else {
        console.log(r.due);
        for (const w of r.warnings) console.error(`警告：${w}`);
      }
      return 0;
    }
    case 'case-types': {
      const d = describeCaseTypes(createRegistry());
      if (values.json) console.log(JSON.stringify(d, null, 2));
      else
        for (const t of d) {
          console.log(`${t.key}\t${t.name}\t${t.basis}`);
          console.log(`  状态：${t.states.map((s) => s.label).join('、')}`);
          for (const c of t.clocks) console.log(`  时限：${c.label} ${c.length ?? c.lengthLabel}${c.length === null ? '' : c.unitLabel}${c.maxExtension ? `（可延长${c.maxExtension}${c.unitLabel}）` : ''}`);
          console.log(`  结果：${t.outcomes.map((o) => o.label).join('、')}`);
          console.log(`  指标：${t.indicators.map((i) => i.label).join('、')}`);
        }
      return 0;
    }
    case 'migrate': {
      const { k } = await openKernel();
      console.log(`数据库已迁移到最新结构（${k.engine}）`);
      await k.conn.close();
      return 0;
    }
    case 'demo': {
      const asOf = values['as-of'];
      if (asOf && !isIsoDate(asOf)) throw new AppError(400, 'bad_request', '--as-of 应为 YYYY-MM-DD');
      const { k } = await openKernel();
      const r = await loadDemo(k, { asOf, onProgress: progress('生成演示案件') });
      console.log(r.created ? `已载入演示区「青溪区」：${r.orgs}个单位，${r.cases}件案件（截至${r.asOf}）` : '演示区「青溪区」已存在，未做改动');
      await k.conn.close();
      return 0;
    }
    case 'indicators': {
      const { k } = await openKernel();
      const org = values.org ? await findOrg(k.db, values.org) : await topOrg(k.db);
      if (!org) throw new AppError(404, 'not_found', '数据库中还没有单位，请先运行 npx fazhi demo');
      const year = Number(values.year ?? k.today().slice(0, 4));
      const vals = await computeIndicators(k, { orgId: org.id, from: `${year}-01-01`, to: `${year}-12-31` });
      await k.conn.close();
      if (values.json) console.log(JSON.stringify({ org: org.name, year, values: vals }, null, 2));
      else {
        console.log(`${org.name} ${year}年`);
        for (const v of vals) console.log(`  ${v.name}\t${v.value ?? '—'}${v.value === null ? '' : v.unit}`);
      }
      return 0;
    }
    case 'analyze': {
      if (positionals.length === 0) throw new AppError(400, 'bad_request', '用法：npx fazhi analyze 文件或目录… [--json] [--csv 汇总.csv]');
      const files = expandPaths(positionals);
      const bar = progress('分析报告');
      const results: FileResult[] = [];
      for (const [i, file] of files.entries()) {
        const r = await analyzeFile(file);
        results.push(r);
        if (values.json) console.log(JSON.stringify(r));
        else if ('error' in r) console.log(`✗ ${file}：${r.error}`);
        else {
          console.log(`${file}\n  ${r.title ?? '（无标题）'} | ${r.entity ?? '主体未识别'} | ${r.year ?? '?'}年 | 落款 ${r.date ?? '无'} | 得分 ${r.quality.score}`);
          if (r.missing.length) console.log(`  缺少：${r.missing.map((k) => KIND_LABELS[k]).join('、')}`);
          for (const x of r.inconsistencies) console.log(`  矛盾：${x.message}`);
        }
        if (files.length > 1) bar(i + 1, files.length);
      }
      if (values.csv) {
        fs.writeFileSync(values.csv, summaryCsv(results));
        console.error(`汇总表已写入 ${values.csv}`);
      }
      return results.some((r) => 'error' in r) ? 2 : 0;
    }
    case 'report': {
      const sub = positionals[0];
      if (sub !== 'check' && sub !== 'docx' && sub !== 'pdf') throw new AppError(400, 'bad_request', '用法：npx fazhi report check|docx|pdf [--org 单位] [--year 年] [--json | --out 文件]');
      if (sub !== 'check' && !values.out) throw new AppError(400, 'bad_request', `请用 --out 指定输出的 .${sub} 文件`);
      if (sub === 'pdf' && !findSoffice()) throw new AppError(503, 'pdf_unavailable', PDF_UNAVAILABLE);
      const { k } = await openKernel();
      const org = values.org ? await findOrg(k.db, values.org) : await topOrg(k.db);
      if (!org) throw new AppError(404, 'not_found', '数据库中还没有单位，请先运行 npx fazhi demo');
      const year = Number(values.year ?? Number(k.today().slice(0, 4)) - 1);
      const report = await openReport(k, null, org.id, year);
      if (sub !== 'check') {
        const docx = await reportAsDocx(k, { ...report, sections: report.sections as ReportSection[] });
        fs.writeFileSync(values.out!, sub === 'pdf' ? await docxToPdf(docx) : docx);
        await k.conn.close();
        console.log(`已生成 ${values.out}（${report.title}）`);
        return 0;
      }
      const result = await checkReport(k, { ...report, sections: report.sections as ReportSection[] });
      await k.conn.close();
      if (values.json) console.log(JSON.stringify({ org: org.name, year, state: report.state, ...result }, null, 2));
      else {
        console.log(`${report.title}（${STATE_LABELS[report.state]}）`);
        for (const f of result.findings) console.log(`  [${{ error: '错误', warning: '提示', info: '信息' }[f.severity]}] ${f.message}`);
        console.log(result.ok ? '检查通过' : '检查未通过');
      }
      return result.ok ? 0 : 1;
    }
    case 'draw': {
      if (positionals[0] !== 'verify' || (!positionals[1] && !values.file)) throw new AppError(400, 'bad_request', '用法：npx fazhi draw verify 任务编号 | --file 公开记录.json');
      let record: Parameters<typeof verifyDraw>[0];
      if (values.file) {
        // The record as the portal publishes it (/api/public/draws/{id}); no database needed.
        try {
          record = JSON.parse(fs.readFileSync(values.file, 'utf8'));
        } catch {
          throw new AppError(400, 'bad_request', `无法读取 ${values.file}：应为公开页面下载的抽查记录 JSON`);
        }
        if (!record?.spec || !record.commitment) throw new AppError(400, 'bad_request', `${values.file} 不是抽查记录（缺少 commitment 或 spec）`);
      } else {
        const { k } = await openKernel();
        record = await readDraw(k, null, Number(positionals[1])).finally(() => k.conn.close());
      }
      const r = verifyDraw(record);
      if (values.json) console.log(JSON.stringify(r));
      else console.log(r.ok ? `复核通过：种子与承诺值相符，重抽得到同一名单（${record.result!.targets.length}户）` : `复核未通过：${r.problems.join('；')}`);
      return r.ok ? 0 : 1;
    }
    case 'audit': {
      if (positionals[0] !== 'verify') throw new AppError(400, 'bad_request', '用法：npx fazhi audit verify');
      const { k } = await openKernel();
      const r = await verifyChain(k.db, (n) => process.stderr.isTTY && process.stderr.write(`\r已校验 ${n} 条`));
      if (process.stderr.isTTY) process.stderr.write('\n');
      await k.conn.close();
      if (values.json) console.log(JSON.stringify(r));
      else if (r.ok) console.log(`审计链完整：共校验 ${r.checked} 条记录`);
      else console.log(`审计链断裂：第 ${r.brokenAt!.id} 号记录（此前 ${r.checked} 条完好）— ${r.brokenAt!.reason}`);
      return r.ok ? 0 : 1;
    }
    case 'clocks': {
      if (positionals[0] !== 'recompute') throw new AppError(400, 'bad_request', '用法：npx fazhi clocks recompute');
      const { k } = await openKernel();
      const total = Number((await k.db.selectFrom('cases').select((eb) => eb.fn.countAll().as('n')).executeTakeFirstOrThrow()).n);
      const n = await recomputeAllClocks(k, (done) => progress('重算期限')(done, total));
      console.log(`已重算 ${n} 件案件的期限`);
      await k.conn.close();
      return 0;
    }
    case 'start':
    case 'serve': {
      if (cmd === 'start') await buildWebIfNeeded();
      const { k, settings } = await openKernel();
      if (!(await topOrg(k.db))) {
        console.log('首次运行：正在载入演示区「青溪区」…');
        await loadDemo(k, { onProgress: progress('生成演示案件') });
      }
      const deemed = await applyExpiries(k);
      if (deemed) console.log(`已依法自动处理到期事项 ${deemed} 件（如复议审查期满视为受理）`);
      setInterval(() => void applyExpiries(k).catch((e) => console.error(e)), 3_600_000).unref();
      const { buildApp } = await import('../server/app.ts');
      const app = await buildApp(k, { webRoot: WEB_DIST, secureCookies: settings.secureCookies });
      await app.listen({ port: settings.port, host: settings.host });
      console.log(`fazhi 已启动：http://localhost:${settings.port}  （数据库：${k.engine === 'pglite' ? `PGlite，${settings.dataDir}` : 'PostgreSQL'}）`);
      console.log(`演示账号（密码均为 ${DEMO_PASSWORD}）：`);
      for (const a of DEMO_ACCOUNTS) console.log(`  ${a.username.padEnd(8)} ${a.who}`);
      const stop = async () => {
        await app.close();
        await k.conn.close();
        process.exit(0);
      };
      process.on('SIGINT', stop);
      process.on('SIGTERM', stop);
      return undefined;
    }
    case undefined:
    case 'help':
    case '--help':
      console.log(HELP);
      return 0;
    default:
      throw new AppError(400, 'bad_request', `未知命令「${cmd}」，运行 npx fazhi help 查看用法`);
  }
}

main(process.argv.slice(2)).then(
  (code) => {
    if (code !== undefined) process.exit(code);
  },
  (e) => {
    if (e instanceof AppError) {
      console.error(`错误：${e.message}`);
      process.exit(2);
    }
    console.error(e);
    process.exit(1);
  },
);
