import type { ColumnType, Generated, JSONColumnType } from 'kysely';

type Json = JSONColumnType<any, any, any>;
type CreatedAt = ColumnType<Date, Date | string | undefined, never>;

/**
 * 三员分立: admin = 系统管理员 (accounts), secadmin = 安全管理员 (roles, duties, policy), auditor = 审计管理员
 * (audit trail). 'none': an account the admin created and the secadmin has not yet given a role.
 */
export type Role = 'none' | 'admin' | 'secadmin' | 'auditor' | 'clerk' | 'leader';
/** committee: a registered body such as a 人民调解委员会 or 调解工作室. */
export type OrgKind = 'government' | 'office' | 'department' | 'township' | 'committee';

export interface OrgTable {
  id: Generated<number>;
  parent_id: number | null;
  name: string;
  /** 简称 used in 案号, e.g. 青溪区 or 区教体局. */
  short_name: string;
  kind: OrgKind;
  /** Materialised path '/1/7/' so a subtree is one indexed prefix match. */
  path: string;
  sort: number;
}

export interface UserTable {
  id: Generated<number>;
  org_id: number;
  /** Root of the subtree this user may see (and, unless leader, act in). */
  scope_org_id: number;
  username: string;
  display_name: string;
  role: Role;
  password_hash: string;
  /** Failures from all addresses since failed_since (a sliding count for the account-wide lock). */
  failed_logins: Generated<number>;
  failed_since: Generated<Date | null>;
  locked_until: Date | null;
  active: Generated<boolean>;
  created_at: Generated<CreatedAt>;
  /** Set for an initial or reset password: every route but the password change answers 403. */
  must_change_password: Generated<boolean>;
  password_changed_at: Generated<Date>;
  /** Base32 TOTP secret once confirmed; the pending one waits for a first correct code. */
  totp_secret: Generated<string | null>;
  totp_pending_secret: Generated<string | null>;
  /** Last accepted time step, so a code cannot be replayed. */
  totp_last_step: Generated<string | null>;
  last_login_at: Generated<Date | null>;
}

export interface PasswordHistoryTable {
  id: Generated<number>;
  user_id: number;
  password_hash: string;
  created_at: Generated<CreatedAt>;
}

/** Failure counts for usernames that are not (active) accounts, so they lock like real ones. */
export interface LoginFailureTable {
  username: string;
  failed_logins: number;
  failed_since: Generated<Date | null>;
  locked_until: Date | null;
  last_at: Generated<Date>;
}

/** Failures per (user name, client address): the lock a stranger's guessing can cause stays on their address. */
export interface LoginAttemptTable {
  username: string;
  address: string;
  failed_logins: number;
  locked_until: Date | null;
  last_at: Date;
}

export interface SystemSettingTable {
  key: string;
  value: Json;
  updated_at: Generated<Date>;
  updated_by: number | null;
}

export interface SessionTable {
  token_hash: string;
  user_id: number;
  created_at: CreatedAt;
  expires_at: Date;
  id: Generated<number>;
  last_seen_at: Generated<Date>;
  ip: string | null;
  user_agent: string | null;
  /** 'totp': password given, code awaited; 'enrol': a second factor must be set up first. */
  stage: Generated<SessionStage>;
}

export type SessionStage = 'active' | 'totp' | 'enrol';

export interface AuditTable {
  id: Generated<string>;
  at: Date;
  actor_id: number | null;
  action: string;
  entity: string;
  entity_id: string | null;
  before: Json | null;
  after: Json | null;
  prev_hash: string;
  hash: string;
  chain: Generated<number>;
}

export interface AuditCheckpointTable {
  seq: number;
  at: Date;
  total: string;
  heads: Json;
  prev_digest: string;
  digest: string;
  key_id: string;
  signature: string;
}

export interface CalendarOverrideTable {
  day: string;
  kind: 'holiday' | 'workday';
  name: string;
}

export interface CalendarYearTable {
  year: number;
  note: string;
}

export interface CaseTable {
  id: Generated<number>;
  type: string;
  org_id: number;
  number: string;
  year: number;
  seq: number;
  title: string;
  state: string;
  outcome: string | null;
  received_on: string;
  closed_on: string | null;
  handler_id: number | null;
  fields: Json;
  version: Generated<number>;
  created_at: Generated<CreatedAt>;
  updated_at: ColumnType<Date, Date | string | undefined, Date | string>;
}

export interface CasePartyTable {
  id: Generated<number>;
  case_id: number;
  role: string;
  name: string;
  id_number: string | null;
  phone: string | null;
  address: string | null;
  id_number_bidx: string | null;
  phone_bidx: string | null;
  /** 自然人 or 法人/其他组织; null when not stated (then read from the 证件号码). */
  kind: 'person' | 'organisation' | null;
}

export interface CaseEventTable {
  id: Generated<number>;
  case_id: number;
  /** Copied from the case so indicators filter events without joining cases. */
  type: string;
  org_id: number;
  kind: string;
  occurred_on: string;
  outcome: string | null;
  from_state: string | null;
  to_state: string;
  data: Json;
  actor_id: number | null;
  recorded_at: Generated<CreatedAt>;
}

export interface CaseClockTable {
  case_id: number;
  clock: string;
  type: string;
  org_id: number;
  status: 'pending' | 'running' | 'paused' | 'stopped';
  started_on: string | null;
  due_on: string | null;
  stopped_on: string | null;
  /** An hour clock's due and stop instants ('YYYY-MM-DD HH:mm', China time); null for day clocks. */
  due_at: string | null;
  stopped_at: string | null;
  stopped_by: string | null;
  extended: number;
  paused_days: number;
  warnings: Json;
  /** The period this case's clock runs (it may depend on the case, e.g. 12345 urgency). */
  length: number | null;
  unit: string | null;
}

export interface CaseLinkTable {
  from_case_id: number;
  to_case_id: number;
  kind: string;
  created_at: Generated<CreatedAt>;
}

export interface CaseSequenceTable {
  org_id: number;
  type: string;
  year: number;
  last: number;
}

export interface AttachmentTable {
  id: Generated<number>;
  case_id: number;
  event_id: number | null;
  filename: string;
  mime: string;
  size: number;
  sm3: string;
  content: Buffer;
  uploaded_by: number | null;
  uploaded_at: Generated<CreatedAt>;
}

export interface ReportTable {
  id: Generated<number>;
  org_id: number;
  year: number;
  state: 'draft' | 'review' | 'approved' | 'submitted' | 'published';
  title: string;
  sections: Json;
  /** Figures frozen at submission, with their provenance. */
  snapshot: Json | null;
  version: Generated<number>;
  created_at: Generated<CreatedAt>;
  updated_at: ColumnType<Date, Date | string | undefined, Date | string>;
  submitted_on: string | null;
  published_on: string | null;
  /** The superior org it was submitted to (null for the top org, whose superior is outside the platform). */
  submitted_to: ColumnType<number | null, number | null | undefined, number | null>;
  /** Orgs it was copied to (抄送). */
  copied_to: ColumnType<number[], string | undefined, string>;
  approved_by: ColumnType<number | null, number | null | undefined, number | null>;
  approved_on: ColumnType<string | null, string | null | undefined, string | null>;
}

/** One 报送 of an annual report along one of its required lines (15.5). */
/**
 * An org's yearly duties that vary by district (who must 述法): a row overrides the default its
 * kind gives (src/kernel/obligations.ts); no row, the default.
 */
export interface OrgObligationTable {
  org_id: number;
  obligation: string;
  required: boolean;
  set_by: number | null;
  set_at: Generated<Date>;
}

export interface ReportDeliveryTable {
  id: Generated<number>;
  report_id: number;
  line: string;
  recipient: string;
  recipient_org_id: number | null;
  sent_on: ColumnType<string, string, string>;
  /** 报送方式: 公文交换, 机要, 电子公文系统, 当面报送… */
  channel: string;
  doc_number: string | null;
  recorded_by: number | null;
  recorded_at: Generated<CreatedAt>;
}

/** One 报送 or 公开 of a computed yearly publication (政府信息公开 年报, 行政执法 annual data, 建议提案 办理情况) of one org. */
export interface AnnualFilingTable {
  id: Generated<number>;
  report: 'govinfo' | 'enforcement_data' | 'proposals';
  org_id: number;
  year: number;
  step: 'submit' | 'publish';
  done_on: ColumnType<string, string, string>;
  recipient: string | null;
  recipient_org_id: number | null;
  /** 报送方式 (as a report's lines) or 公开方式 (政府网站, 公报…). */
  channel: string;
  doc_number: string | null;
  url: string | null;
  recorded_by: number | null;
  recorded_at: Generated<CreatedAt>;
}

export interface RegisterTable {
  id: Generated<number>;
  org_id: number;
  kind: string;
}

export interface RegisterVersionTable {
  id: Generated<number>;
  register_id: number;
  version: number;
  items: Json;
  note: string;
  published_on: string;
  published_by: number | null;
  created_at: Generated<CreatedAt>;
}

/** A market entity in a department's 双随机 target pool. */
export interface InspectionTargetTable {
  id: Generated<number>;
  org_id: number;
  credit_code: string;
  name: string;
  category: string;
  risk: 'high' | 'medium' | 'low';
  address: string | null;
  active: Generated<boolean>;
}

/** A 双随机 draw: committed (SM3 of the seed) before it is drawn; seed and result after. */
export interface DrawTable {
  id: Generated<number>;
  org_id: number;
  title: string;
  item: string;
  joint_org_ids: ColumnType<number[], string | undefined, string>;
  spec: Json;
  commitment: string;
  /** SM3 of the frozen pools and counts, published with the commitment. */
  pool_hash: string;
  committed_at: Generated<CreatedAt>;
  seed: string | null;
  result: Json | null;
  drawn_on: string | null;
  created_by: number | null;
}

/** 预警 thresholds per clock of a case type (0014_workbench): 黄 N 工作日 before the due date. */
export interface WarningRuleTable {
  type: string;
  clock: string;
  yellow_days: number;
  escalate: boolean;
  updated_by: number | null;
  updated_at: ColumnType<Date, Date | string | undefined, Date | string>;
}

/** In-app messages (待办, 督办, 催报, 退回); `dedupe` keeps one message per event and person. */
export interface NotificationTable {
  id: Generated<number>;
  user_id: number;
  kind: string;
  title: string;
  body: Generated<string>;
  link: string | null;
  dedupe: string | null;
  created_by: number | null;
  created_at: Generated<CreatedAt>;
  read_at: Date | null;
}

export interface NotificationPrefTable {
  user_id: number;
  muted: ColumnType<string[], string | undefined, string>;
  channels: ColumnType<string[], string | undefined, string>;
  quiet_from: string | null;
  quiet_to: string | null;
  phone: string | null;
  email: string | null;
}

/** Outbound sends (SMS, group robot, e-mail): queued, retried with backoff, each outcome kept. */
export interface OutboundJobTable {
  id: Generated<string>;
  notification_id: number | null;
  channel: string;
  target: string;
  payload: Json;
  state: Generated<'queued' | 'sent' | 'failed'>;
  attempts: Generated<number>;
  run_at: ColumnType<Date, Date | string | undefined, Date | string>;
  last_error: string | null;
  done_at: Date | null;
  created_at: Generated<CreatedAt>;
}

/** 文书 templates edited by an admin: each save is a new version; the built-in text is version 0. */
export interface DocumentTemplateTable {
  key: string;
  version: number;
  body: string;
  created_by: number | null;
  created_at: Generated<CreatedAt>;
}

export interface DocumentSequenceTable {
  org_id: number;
  prefix: string;
  year: number;
  last: number;
}

/** An issued 文书: its text as issued, kept with the case. */
export interface DocumentTable {
  id: Generated<number>;
  case_id: number;
  template: string;
  template_version: number;
  number: string;
  title: string;
  addressee: string | null;
  body: string;
  signature: string;
  issued_on: string;
  issued_by: number | null;
  created_at: Generated<CreatedAt>;
}

export interface DB {
  orgs: OrgTable;
  users: UserTable;
  sessions: SessionTable;
  password_history: PasswordHistoryTable;
  login_failures: LoginFailureTable;
  login_attempts: LoginAttemptTable;
  system_settings: SystemSettingTable;
  audit_events: AuditTable;
  audit_checkpoints: AuditCheckpointTable;
  calendar_overrides: CalendarOverrideTable;
  calendar_years: CalendarYearTable;
  cases: CaseTable;
  case_parties: CasePartyTable;
  case_events: CaseEventTable;
  case_clocks: CaseClockTable;
  case_sequences: CaseSequenceTable;
  case_links: CaseLinkTable;
  reports: ReportTable;
  report_deliveries: ReportDeliveryTable;
  annual_filings: AnnualFilingTable;
  org_obligations: OrgObligationTable;
  registers: RegisterTable;
  register_versions: RegisterVersionTable;
  inspection_targets: InspectionTargetTable;
  draws: DrawTable;
  attachments: AttachmentTable;
  duties: DutyTable;
  warning_rules: WarningRuleTable;
  notifications: NotificationTable;
  notification_prefs: NotificationPrefTable;
  outbound_jobs: OutboundJobTable;
  document_templates: DocumentTemplateTable;
  document_sequences: DocumentSequenceTable;
  documents: DocumentTable;
}

/** A person's duty: the case type (case:…) or capability (reports, registers…) and its steps, in an org (and, with subunits, below it). */
export interface DutyTable {
  id: Generated<number>;
  user_id: number;
  org_id: number;
  subunits: Generated<boolean>;
  subject: string;
  actions: JSONColumnType<string[], string, string>;
}
