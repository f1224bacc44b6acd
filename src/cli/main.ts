import fs from 'node:fs';
import { parseArgs } from 'node:util';
import { settingsFromEnv } from '../config.ts';
import { connect, migrate } from '../kernel/db/connect.ts';
import { Kernel } from '../kernel/kernel.ts';
import { createRegistry } from '../institutions/index.ts';
import { computeDue } from '../kernel/calendar/calendar.ts';
import { isIsoDate } from '../kernel/calendar/dates.ts';
import { auditKeyFile, createCheckpoint, readPublishedCheckpoints, startCheckpointTimer, verifyAudit } from '../kernel/audit/checkpoints.ts';
import { describeCaseTypes } from '../kernel/cases/describe.ts';
import { applyExpiries, recomputeAllClocks } from '../kernel/cases/engine.ts';
import { computeIndicators } from '../kernel/indicators/compute.ts';
import { findOrg, topOrg } from '../kernel/orgs.ts';
import { AppError } from '../kernel/errors.ts';
import { DEMO_ACCOUNTS, DEMO_PASSWORD, interruptedDemo, loadDemo } from '../demo/district.ts';
import { progress } from './progress.ts';
import { analyzeCommand } from './analyze.ts';
import { importCommand } from './import.ts';
import { addDataKey, keyringSource, loadKeyring } from '../kernel/crypto/data-key.ts';
import { resealTotpSecrets, totpSealedCounts } from '../kernel/auth/totp-secrets.ts';
import { backup, restore } from '../kernel/backup.ts';
import { resealParties, sealedValueCounts } from '../kernel/cases/parties.ts';
import { resumeImports } from '../kernel/cases/import-stream.ts';
import { openReport, reportAsDocx, type ReportSection } from '../reports/report.ts';
import { checkReport } from '../reports/check.ts';
import { govinfoReport, govinfoText } from '../reports/govinfo.ts';
import { enforcementData, enforcementDataText } from '../reports/enforcement-data.ts';
import { proposalsReport, proposalsText } from '../reports/proposals.ts';
import { lawReportCoverage, lawReportCoverageText } from '../reports/law-report-coverage.ts';
import { obligationOfOrgs, setObligation } from '../kernel/obligations.ts';
import { docxToPdf, findSoffice, PDF_UNAVAILABLE } from '../reports/pdf.ts';
import { STATE_LABELS } from '../reports/workflow.ts';
import { readDraw, verifyDraw } from '../institutions/inspection-draw/draw.ts';
import { buildWebIfNeeded, WEB_DIST } from '../server/web.ts';
import { initCommand, usersCommand } from './users.ts';
import { installKind } from '../kernel/auth/policy.ts';
import { purgeExpiredSessions } from '../kernel/auth/session-store.ts';
import { forkWorkers, isWorker, pgliteAdvice, workerCount } from '../server/scale.ts';
import { conformanceCommand, simulateCommand } from '../conformance/cli.ts';


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
  analyze 文件或目录… [--json] [--csv 汇总.csv] [--compare 对比.csv]
                             分析已发布的年度报告（txt/html/docx/pdf）：结构、数据、矛盾、质量；
                             --compare 按主体和年度列出各报告的同一批指标（复议、公开、应诉…）
  report docx [--org 单位] [--year 年] --out 文件.docx
                             按 GB/T 9704 公文格式生成年度报告 .docx
  report pdf [--org 单位] [--year 年] --out 文件.pdf
                             生成 PDF（需安装 LibreOffice）
  report check [--org 单位] [--year 年] [--json]
                             检查单位年度报告（尚无报告时按记录生成初稿）：结构、原因、数据绑定、矛盾、期限
  report govinfo [--org 单位] [--year 年] [--json]   政府信息公开工作年度报告（三张表按记录计算）
  report enforcement-data [--org 单位] [--year 年] [--json]   行政执法年度数据（按记录计算，1月31日前公开）
  report proposals [--org 单位] [--year 年] [--json]   人大代表建议、政协提案年度办理情况（按记录计算）
  report law-report-coverage [--org 单位] [--year 年] [--json]   述法覆盖率与未述法单位
  obligations law_report [单位 是|否|默认] [--org 单位] [--json]
                             列出（或设定）哪些单位负有述法义务；默认：区政府、部门、乡镇（街道）
  draw verify (任务编号 | --file 公开记录.json) [--json]
                             复核双随机抽取：种子与承诺值（SM3）是否相符，按种子重抽是否得到同一名单
  import 文件.csv --type 类型 --user 用户名 [--org 单位]
                             批量导入（如一年的12345工单）：分块读取、显示进度，全部成功或全部不导入
  audit verify [--checkpoints 文件] [--json]
                             重新计算审计日志哈希链并核对签名检查点（可另给门户保存的副本），报告第一处问题
  audit checkpoint           立即以 SM2 密钥签署审计检查点（服务运行时每日自动签署）
  clocks recompute           按当前节假日重新计算全部案件期限
  init --admin 用户名 --secadmin 用户名 --auditor 用户名 [--org 本级政府名称] [--short 简称] [--name 姓名]
                             初始化正式环境：不载入演示数据，建立本级单位和三员（系统、安全、审计管理员，一次性密码仅显示一次）
  users list|add|role|disable|enable|unlock|passwd …
                             本机账号管理与找回（三员分立之外的安装与恢复途径，均记入审计日志）：
                             add 用户名 --org 单位 [--role 角色] [--name 姓名] [--scope 单位]；
                             role 用户名 角色 [--scope 单位] 分配角色（none|admin|secadmin|auditor|clerk|leader）；
                             passwd 用户名 [--reset-totp] 重置为一次性密码（并可重置动态验证码）
  keys status                当事人个人信息与动态验证码密钥（SM4 加密）各密钥的字段数
  backup --out 文件          备份数据库（PGlite 数据目录或 pg_dump），附清单：行数、审计链头、数据哈希
  restore 文件               恢复到空的数据目录或空的 PostgreSQL 数据库，并按清单核对、校验审计链
  keys rotate                生成新的数据密钥并分批重新加密全部当事人个人信息和动态验证码密钥
  conformance [--json | --markdown]
                             列出平台执行的全部法定规则：法律、条款、规则、编码位置、情景测试
  simulate 情景.json [--json] 在临时内存数据库上按日期重放情景，显示每步后的状态和全部期限
  help                       显示本帮助

数据库：默认内嵌 PGlite，数据在 ./data（或 DATA_DIR）；设置 DATABASE_URL=postgres://… 使用 PostgreSQL。`;

/** --year as a whole year (as the HTTP routes take it), or the default; anything else is the user's mistake, said in Chinese. */
function yearOf(given: string | undefined, fallback: number): number {
  if (given === undefined) return fallback;
  const year = Number(given);
  if (!Number.isInteger(year) || year < 2000 || year > 2100) throw new AppError(400, 'bad_request', `--year 应为2000至2100之间的年份，收到「${given}」`);
  return year;
}

async function openKernel() {
  const s = settingsFromEnv();
  const conn = await connect({ databaseUrl: s.databaseUrl, dataDir: s.dataDir });
  await migrate(conn.db);
  return { k: await Kernel.open(conn, createRegistry()), settings: s };
}

/** Listens with the API and console; closes cleanly on SIGINT/SIGTERM. */
async function serve(k: Kernel, settings: ReturnType<typeof settingsFromEnv>) {
  const { buildApp } = await import('../server/app.ts');
  const app = await buildApp(k, {
    webRoot: WEB_DIST,
    secureCookies: settings.secureCookies,
    trustProxy: settings.trustProxy,
    loginRateLimit: settings.loginRateLimit,
    apiRateLimit: settings.apiRateLimit,
    log: { dir: settings.logDir, retentionDays: settings.logRetentionDays },
  });
  await app.listen({ port: settings.port, host: settings.host });
  const stop = async () => {
    await app.close();
    await k.conn.close();
    process.exit(0);
  };
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
  return undefined;
}

async function main(argv: string[]) {
  // Files this process creates (data, logs, exports) are readable by its own user only.
  process.umask(0o077);
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
      compare: { type: 'string' },
      out: { type: 'string' },
      file: { type: 'string' },
      admin: { type: 'string' },
      secadmin: { type: 'string' },
      auditor: { type: 'string' },
      short: { type: 'string' },
      name: { type: 'string' },
      role: { type: 'string' },
      scope: { type: 'string' },
      'reset-totp': { type: 'boolean', default: false },
      checkpoints: { type: 'string' },
      type: { type: 'string' },
      user: { type: 'string' },
      markdown: { type: 'boolean', default: false },
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
    case 'conformance':
      return conformanceCommand(values.json, rest.includes('--markdown'));
    case 'simulate':
      return simulateCommand(positionals[0], values.json);
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
    case 'import': {
      const { k } = await openKernel();
      const r = await importCommand(k, { file: positionals[0], type: values.type, user: values.user, org: values.org });
      console.log(`已导入 ${r.imported} 条（${r.seconds.toFixed(1)} 秒）`);
      await k.conn.close();
      return 0;
    }
    case 'indicators': {
      const { k } = await openKernel();
      const org = values.org ? await findOrg(k.db, values.org) : await topOrg(k.db);
      if (!org) throw new AppError(404, 'not_found', '数据库中还没有单位，请先运行 npx fazhi demo');
      const year = yearOf(values.year, Number(k.today().slice(0, 4)));
      const vals = await computeIndicators(k, { orgId: org.id, from: `${year}-01-01`, to: `${year}-12-31` });
      await k.conn.close();
      if (values.json) console.log(JSON.stringify({ org: org.name, year, values: vals }, null, 2));
      else {
        console.log(`${org.name} ${year}年`);
        for (const v of vals) console.log(`  ${v.name}\t${v.value ?? '—'}${v.value === null ? '' : v.unit}`);
      }
      return 0;
    }
    case 'analyze':
      return analyzeCommand(positionals, { json: values.json, csv: values.csv, compare: values.compare });
    case 'report': {
      const sub = positionals[0];
      if (sub === 'govinfo' || sub === 'enforcement-data' || sub === 'proposals' || sub === 'law-report-coverage') {
        const { k } = await openKernel();
        try {
          const org = values.org ? await findOrg(k.db, values.org) : await topOrg(k.db);
          if (!org) throw new AppError(404, 'not_found', '数据库中还没有单位，请先运行 npx fazhi demo');
          const year = yearOf(values.year, Number(k.today().slice(0, 4)) - 1);
          const print = <T>(r: T, text: (r: T) => string) => console.log(values.json ? JSON.stringify(r, null, 2) : text(r));
          if (sub === 'law-report-coverage') print(await lawReportCoverage(k, null, org.id, { from: `${year}-01-01`, to: `${year}-12-31` }), lawReportCoverageText);
          else if (sub === 'proposals') print(await proposalsReport(k, null, org.id, year), proposalsText);
          else if (sub === 'enforcement-data') print(await enforcementData(k, null, org.id, year), enforcementDataText);
          else {
            const r = await govinfoReport(k, null, org.id, year);
            print(r, govinfoText);
            return r.requests.balanced ? 0 : 1;
          }
          return 0;
        } finally {
          await k.conn.close();
        }
      }
      if (sub !== 'check' && sub !== 'docx' && sub !== 'pdf') throw new AppError(400, 'bad_request', '用法：npx fazhi report check|docx|pdf|govinfo|enforcement-data|proposals|law-report-coverage [--org 单位] [--year 年] [--json | --out 文件]');
      if (sub !== 'check' && !values.out) throw new AppError(400, 'bad_request', `请用 --out 指定输出的 .${sub} 文件`);
      if (sub === 'pdf' && !findSoffice()) throw new AppError(503, 'pdf_unavailable', PDF_UNAVAILABLE);
      const { k } = await openKernel();
      const org = values.org ? await findOrg(k.db, values.org) : await topOrg(k.db);
      if (!org) throw new AppError(404, 'not_found', '数据库中还没有单位，请先运行 npx fazhi demo');
      const year = yearOf(values.year, Number(k.today().slice(0, 4)) - 1);
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
    case 'obligations': {
      // The district's list of who must 述法 (and any later yearly duty): list, or set one org.
      const [obligation, target, answer] = positionals;
      const choice: Record<string, boolean | null> = { 是: true, yes: true, 否: false, no: false, 默认: null, default: null };
      if (!obligation || (target && !(answer in choice))) throw new AppError(400, 'bad_request', '用法：npx fazhi obligations law_report [单位 是|否|默认] [--org 单位] [--json]');
      const { k } = await openKernel();
      try {
        if (target) {
          const org = await findOrg(k.db, target);
          const o = await setObligation(k.db, null, org.id, obligation, choice[answer]);
          console.log(`${o.name}：${o.required ? '负有' : '不负有'}该义务（${o.source === 'set' ? '本区设定' : '按单位类别默认'}）`);
          return 0;
        }
        const root = values.org ? await findOrg(k.db, values.org) : await topOrg(k.db);
        if (!root) throw new AppError(404, 'not_found', '数据库中还没有单位，请先运行 npx fazhi demo');
        const list = await obligationOfOrgs(k.db, obligation, root.path);
        if (values.json) console.log(JSON.stringify(list, null, 2));
        else for (const o of list) console.log(`${o.name}\t${o.required ? '负有' : '—'}\t${o.source === 'set' ? '本区设定' : '默认'}`);
        return 0;
      } finally {
        await k.conn.close();
      }
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
      const sub = positionals[0];
      if (sub !== 'verify' && sub !== 'checkpoint') throw new AppError(400, 'bad_request', '用法：npx fazhi audit verify [--checkpoints 已发布检查点.json] | audit checkpoint');
      const { k } = await openKernel();
      if (sub === 'checkpoint') {
        const cp = await createCheckpoint(k).finally(() => k.conn.close());
        if (values.json) console.log(JSON.stringify(cp));
        else console.log(`已签署第 ${cp.seq} 号审计检查点：${cp.heads.length} 条审计链，共 ${cp.total} 条记录，摘要 ${cp.digest}（密钥 ${auditKeyFile()}）`);
        return 0;
      }
      const r = await verifyAudit(k, {
        copies: values.checkpoints ? readPublishedCheckpoints(values.checkpoints) : undefined,
        onProgress: (n) => process.stderr.isTTY && process.stderr.write(`\r已校验 ${n} 条`),
      });
      if (process.stderr.isTTY) process.stderr.write('\n');
      await k.conn.close();
      if (values.json) console.log(JSON.stringify(r));
      else {
        if (r.brokenAt) console.log(`审计链断裂：第 ${r.brokenAt.id} 号记录（第 ${r.brokenAt.chain} 号链）— ${r.brokenAt.reason}`);
        for (const p of r.problems) console.log(`检查点问题：${p}`);
        if (r.ok) console.log(`审计链完整：共校验 ${r.checked} 条记录，与 ${r.checkpoints} 个签名检查点相符`);
      }
      return r.ok ? 0 : 1;
    }
    case 'keys': {
      const sub = positionals[0];
      if (sub !== 'rotate' && sub !== 'status') throw new AppError(400, 'bad_request', '用法：npx fazhi keys status | keys rotate');
      const { k } = await openKernel();
      try {
        if (sub === 'rotate') {
          // A key from FAZHI_DATA_KEY is added by the operator; a key file gets its new key here.
          const id = keyringSource().kind === 'file' ? addDataKey() : loadKeyring().current;
          console.log(`当前数据密钥：${id}（${keyringSource().where}）。正在用它重新加密当事人个人信息…`);
          const n = await resealParties(k.db, { onProgress: progress('重新加密') });
          const t = await resealTotpSecrets(k.db);
          console.log(`已重新加密 ${n} 位当事人的个人信息和 ${t} 个账号的动态验证码密钥。旧密钥仍保留在密钥文件中，用于读取旧备份；不再需要时可删除。`);
        }
        console.log(`数据密钥：${keyringSource().where}，当前密钥 ${loadKeyring().current}`);
        for (const [what, counts] of [['当事人个人信息', await sealedValueCounts(k.db)], ['动态验证码密钥', await totpSealedCounts(k.db)]] as const) {
          console.log(`  ${what}：`);
          if (!Object.keys(counts).length) console.log('    （无）');
          for (const [id, n] of Object.entries(counts)) console.log(`    ${id === 'plaintext' ? '未加密' : `密钥 ${id}`}：${n} 个字段`);
        }
      } finally {
        await k.conn.close();
      }
      return 0;
    }
    case 'backup': {
      if (!values.out) throw new AppError(400, 'bad_request', '用法：npx fazhi backup --out 备份文件');
      const { k, settings } = await openKernel();
      const m = await backup(k.conn, values.out, settings.databaseUrl).finally(() => k.conn.close());
      console.log(`已备份到 ${values.out}（${m.engine === 'pglite' ? 'PGlite' : 'PostgreSQL'}，结构版本 ${m.schemaVersion}，${(m.dumpBytes / 1048576).toFixed(1)} MB）`);
      console.log(`  案件 ${m.counts.cases ?? 0} 件，审计记录 ${m.counts.audit_events ?? 0} 条，数据哈希（SM3）${m.dataHash}`);
      console.log(`注意：密钥不在备份中，请另行妥善备份：审计签名密钥 ${auditKeyFile()}，数据密钥 ${keyringSource().where}`);
      return 0;
    }
    case 'restore': {
      const file = positionals[0];
      if (!file) throw new AppError(400, 'bad_request', '用法：npx fazhi restore 备份文件（恢复到空的 DATA_DIR 或 DATABASE_URL 指向的空数据库）');
      const settings = settingsFromEnv();
      const { manifest, conn, problems } = await restore(file, settings);
      try {
        if (problems.length) {
          for (const p of problems) console.log(`恢复核对不一致：${p}`);
          return 1;
        }
        console.log(`已恢复 ${file}（备份于 ${manifest.createdAt}）：各表行数、审计链头与数据哈希均与备份清单一致`);
        await migrate(conn.db);
        const v = await verifyAudit(await Kernel.open(conn, createRegistry()));
        console.log(v.ok ? `审计链完整：共校验 ${v.checked} 条记录，与 ${v.checkpoints} 个签名检查点相符` : `审计核对未通过：${v.brokenAt?.reason ?? ''} ${v.problems.join('；')}`);
        return v.ok ? 0 : 1;
      } finally {
        await conn.close();
      }
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
    case 'init':
    case 'users': {
      const { k } = await openKernel();
      return (cmd === 'init' ? initCommand(k, values) : usersCommand(k, positionals, values)).finally(() => k.conn.close());
    }
    case 'start':
    case 'serve': {
      // A worker only serves: the primary has built, migrated and loaded before forking it.
      const worker = isWorker();
      // The console builds (if it must) in its own process while the database opens and the demo loads.
      const web = cmd === 'start' && !worker ? buildWebIfNeeded() : undefined;
      web?.catch(() => {}); // awaited below; this only keeps a failed build from counting as unhandled meanwhile
      const { k, settings } = await openKernel();
      if (worker) return serve(k, settings);
      const interrupted = await interruptedDemo(k);
      if (interrupted) console.log('上次载入演示区未完成（可能被中断），正在重新载入…');
      if (!(await topOrg(k.db)) || interrupted) {
        if (!interrupted) console.log('首次运行：正在载入演示区「青溪区」…');
        await loadDemo(k, { onProgress: progress('生成演示案件') });
      }
      const sealed = await resealParties(k.db, { plaintextOnly: true, onProgress: progress('加密当事人个人信息') });
      if (sealed) console.log(`已用 SM4 加密 ${sealed} 位当事人的身份证号、电话和住址`);
      const totpSealed = await resealTotpSecrets(k.db, { plaintextOnly: true });
      if (totpSealed) console.log(`已用 SM4 加密 ${totpSealed} 个账号的动态验证码密钥`);
      // An upload accepted before the last stop (its rows all checked) is written to the end, never dropped.
      const resumed = await resumeImports(k);
      if (resumed) console.log(`上次已受理的导入尚未写完，已继续写入 ${resumed} 件`);
      const deemed = await applyExpiries(k);
      if (deemed) console.log(`已依法自动处理到期事项 ${deemed} 件（如复议审查期满视为受理）`);
      setInterval(() => void applyExpiries(k).catch((e) => console.error(e)), 3_600_000).unref();
      setInterval(() => void purgeExpiredSessions(k.db).catch((e) => console.error(e)), 600_000).unref();
      startCheckpointTimer(k);
      (await import('../workbench/jobs.ts')).startWorkbenchJobs(k);
      await web;
      const advice = await pgliteAdvice(k);
      if (advice) console.log(advice);
      const workers = workerCount(k.engine);
      if (workers > 1) {
        const stopWorkers = forkWorkers(workers);
        const stop = async () => {
          stopWorkers();
          await k.conn.close();
          process.exit(0);
        };
        process.on('SIGINT', stop);
        process.on('SIGTERM', stop);
      } else {
        await serve(k, settings);
      }
      const shown = settings.host === '0.0.0.0' || settings.host === '::' ? 'localhost' : settings.host.includes(':') ? `[${settings.host}]` : settings.host;
      const database = k.engine === 'pglite' ? `PGlite，${settings.dataDir}` : `PostgreSQL，${workers} 个服务进程`;
      console.log(`fazhi 已启动：http://${shown}:${settings.port}  （监听 ${settings.host}；数据库：${database}；日志：${settings.logDir}）`);
      if ((await installKind(k.db)) === 'demo') {
        console.log('演示环境：账号与数据均为虚构，请勿录入真实信息。正式使用请在新的数据库上运行 npx fazhi init --admin 用户名');
        console.log(`演示账号（密码均为 ${DEMO_PASSWORD}）：`);
        for (const a of DEMO_ACCOUNTS) console.log(`  ${a.username.padEnd(8)} ${a.who}`);
      }
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

/**
 * Exits once stdout and stderr have drained. process.exit() right after a write drops whatever is
 * still queued for a pipe (`| head`, `| jq` got the first 64 KiB only); a write's callback runs
 * when everything before it has been handed to the pipe.
 */
function exitWhenDrained(code: number) {
  process.exitCode = code;
  let pending = 2;
  const done = () => {
    if (--pending === 0) process.exit(code);
  };
  process.stdout.write('', done);
  process.stderr.write('', done);
}
// The reader went away (`| head -c 100`): stop quietly, as Unix tools do.
process.stdout.on('error', (e: NodeJS.ErrnoException) => {
  if (e.code === 'EPIPE') process.exit(process.exitCode ?? 0);
  throw e;
});

main(process.argv.slice(2)).then(
  (code) => {
    if (code !== undefined) exitWhenDrained(code);
  },
  (e) => {
    if (e instanceof AppError) {
      console.error(`错误：${e.message}`);
      exitWhenDrained(2);
      return;
    }
    console.error(e);
    exitWhenDrained(1);
  },
);
