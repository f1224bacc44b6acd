import type { ColumnType, Generated, JSONColumnType } from 'kysely';

type Json = JSONColumnType<any, any, any>;
type CreatedAt = ColumnType<Date, Date | string | undefined, never>;

export type Role = 'admin' | 'clerk' | 'leader';
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
  failed_logins: Generated<number>;
  locked_until: Date | null;
  active: Generated<boolean>;
  created_at: Generated<CreatedAt>;
}

export interface SessionTable {
  token_hash: string;
  user_id: number;
  created_at: Generated<CreatedAt>;
  expires_at: Date;
}

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

export interface DB {
  orgs: OrgTable;
  users: UserTable;
  sessions: SessionTable;
  audit_events: AuditTable;
  calendar_overrides: CalendarOverrideTable;
  calendar_years: CalendarYearTable;
  cases: CaseTable;
  case_parties: CasePartyTable;
  case_events: CaseEventTable;
  case_clocks: CaseClockTable;
  case_sequences: CaseSequenceTable;
  case_links: CaseLinkTable;
  reports: ReportTable;
  registers: RegisterTable;
  register_versions: RegisterVersionTable;
  inspection_targets: InspectionTargetTable;
  draws: DrawTable;
  attachments: AttachmentTable;
}
