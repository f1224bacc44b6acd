import { sql, type Kysely } from 'kysely';
import type { Migration, MigrationProvider } from 'kysely';

// SQL kept within PostgreSQL 15 (production) although PGlite is 18 inside.
const steps: Record<string, string> = {
  '0001_kernel': `
CREATE TABLE orgs (
  id serial PRIMARY KEY,
  parent_id int REFERENCES orgs(id),
  name text NOT NULL,
  short_name text NOT NULL,
  kind text NOT NULL CHECK (kind IN ('government','office','department','township')),
  path text NOT NULL,
  sort int NOT NULL DEFAULT 0
);
CREATE UNIQUE INDEX orgs_name ON orgs(name);
CREATE INDEX orgs_path ON orgs(path text_pattern_ops);

CREATE TABLE users (
  id serial PRIMARY KEY,
  org_id int NOT NULL REFERENCES orgs(id),
  scope_org_id int NOT NULL REFERENCES orgs(id),
  username text NOT NULL UNIQUE,
  display_name text NOT NULL,
  role text NOT NULL CHECK (role IN ('admin','clerk','leader')),
  password_hash text NOT NULL,
  failed_logins int NOT NULL DEFAULT 0,
  locked_until timestamptz,
  active boolean NOT NULL DEFAULT true,
  created_at timestamptz NOT NULL DEFAULT now()
);

CREATE TABLE sessions (
  token_hash text PRIMARY KEY,
  user_id int NOT NULL REFERENCES users(id),
  created_at timestamptz NOT NULL DEFAULT now(),
  expires_at timestamptz NOT NULL
);

CREATE TABLE audit_events (
  id bigserial PRIMARY KEY,
  at timestamptz NOT NULL,
  actor_id int,
  action text NOT NULL,
  entity text NOT NULL,
  entity_id text,
  before jsonb,
  after jsonb,
  prev_hash text NOT NULL,
  hash text NOT NULL UNIQUE
);
CREATE INDEX audit_entity ON audit_events(entity, entity_id);
CREATE FUNCTION audit_events_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION '审计日志只允许追加，不允许修改或删除';
END $$;
CREATE TRIGGER audit_events_no_change BEFORE UPDATE OR DELETE ON audit_events
  FOR EACH ROW EXECUTE FUNCTION audit_events_append_only();

CREATE TABLE calendar_overrides (
  day date PRIMARY KEY,
  kind text NOT NULL CHECK (kind IN ('holiday','workday')),
  name text NOT NULL
);
CREATE TABLE calendar_years (
  year int PRIMARY KEY,
  note text NOT NULL
);

CREATE TABLE cases (
  id serial PRIMARY KEY,
  type text NOT NULL,
  org_id int NOT NULL REFERENCES orgs(id),
  number text NOT NULL UNIQUE,
  year int NOT NULL,
  seq int NOT NULL,
  title text NOT NULL,
  state text NOT NULL,
  outcome text,
  received_on date NOT NULL,
  closed_on date,
  handler_id int REFERENCES users(id),
  fields jsonb NOT NULL DEFAULT '{}',
  version int NOT NULL DEFAULT 1,
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX cases_type_org ON cases(type, org_id, received_on);
CREATE INDEX cases_org_state ON cases(org_id, state);

CREATE TABLE case_parties (
  id serial PRIMARY KEY,
  case_id int NOT NULL REFERENCES cases(id),
  role text NOT NULL,
  name text NOT NULL,
  id_number text,
  phone text,
  address text
);
CREATE INDEX case_parties_case ON case_parties(case_id);

CREATE TABLE case_events (
  id serial PRIMARY KEY,
  case_id int NOT NULL REFERENCES cases(id),
  type text NOT NULL,
  org_id int NOT NULL,
  kind text NOT NULL,
  occurred_on date NOT NULL,
  outcome text,
  from_state text,
  to_state text NOT NULL,
  data jsonb NOT NULL DEFAULT '{}',
  actor_id int REFERENCES users(id),
  recorded_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX case_events_case ON case_events(case_id, occurred_on, id);
CREATE INDEX case_events_indicator ON case_events(type, kind, occurred_on) INCLUDE (org_id, case_id, outcome);

CREATE TABLE case_clocks (
  case_id int NOT NULL REFERENCES cases(id),
  clock text NOT NULL,
  type text NOT NULL,
  org_id int NOT NULL,
  status text NOT NULL CHECK (status IN ('pending','running','paused','stopped')),
  started_on date,
  due_on date,
  stopped_on date,
  stopped_by text,
  extended int NOT NULL DEFAULT 0,
  paused_days int NOT NULL DEFAULT 0,
  warnings jsonb NOT NULL DEFAULT '[]',
  PRIMARY KEY (case_id, clock)
);
CREATE INDEX case_clocks_due ON case_clocks(status, due_on);
CREATE INDEX case_clocks_indicator ON case_clocks(type, clock, stopped_on) INCLUDE (org_id, due_on, case_id);

CREATE TABLE case_sequences (
  org_id int NOT NULL,
  type text NOT NULL,
  year int NOT NULL,
  last int NOT NULL,
  PRIMARY KEY (org_id, type, year)
);

CREATE TABLE attachments (
  id serial PRIMARY KEY,
  case_id int NOT NULL REFERENCES cases(id),
  event_id int REFERENCES case_events(id),
  filename text NOT NULL,
  mime text NOT NULL,
  size int NOT NULL,
  sm3 text NOT NULL,
  content bytea NOT NULL,
  uploaded_by int REFERENCES users(id),
  uploaded_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX attachments_case ON attachments(case_id);
`,
  '0002_links_lengths_committees': `
ALTER TABLE orgs DROP CONSTRAINT orgs_kind_check;
ALTER TABLE orgs ADD CONSTRAINT orgs_kind_check CHECK (kind IN ('government','office','department','township','committee'));
ALTER TABLE case_clocks ADD COLUMN length int;
ALTER TABLE case_clocks ADD COLUMN unit text;
CREATE TABLE case_links (
  from_case_id int NOT NULL REFERENCES cases(id),
  to_case_id int NOT NULL REFERENCES cases(id),
  kind text NOT NULL,
  created_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (from_case_id, to_case_id)
);
CREATE INDEX case_links_to ON case_links(to_case_id);
`,
  '0003_reports': `
CREATE TABLE reports (
  id serial PRIMARY KEY,
  org_id int NOT NULL REFERENCES orgs(id),
  year int NOT NULL,
  state text NOT NULL CHECK (state IN ('draft','review','approved','submitted','published')),
  title text NOT NULL,
  sections jsonb NOT NULL,
  snapshot jsonb,
  version int NOT NULL DEFAULT 1,
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now(),
  submitted_on date,
  published_on date,
  UNIQUE (org_id, year)
);
`,
  '0004_report_workflow': `
ALTER TABLE reports ADD COLUMN submitted_to int REFERENCES orgs(id);
ALTER TABLE reports ADD COLUMN copied_to jsonb NOT NULL DEFAULT '[]';
ALTER TABLE reports ADD COLUMN approved_by int REFERENCES users(id);
ALTER TABLE reports ADD COLUMN approved_on date;
CREATE INDEX reports_published ON reports(published_on) WHERE state = 'published';
`,
  '0005_registers_draws': `
CREATE TABLE registers (
  id serial PRIMARY KEY,
  org_id int NOT NULL REFERENCES orgs(id),
  kind text NOT NULL,
  UNIQUE (org_id, kind)
);
CREATE TABLE register_versions (
  id serial PRIMARY KEY,
  register_id int NOT NULL REFERENCES registers(id),
  version int NOT NULL,
  items jsonb NOT NULL,
  note text NOT NULL,
  published_on date NOT NULL,
  published_by int REFERENCES users(id),
  created_at timestamptz NOT NULL DEFAULT now(),
  UNIQUE (register_id, version)
);
CREATE TABLE inspection_targets (
  id serial PRIMARY KEY,
  org_id int NOT NULL REFERENCES orgs(id),
  credit_code text NOT NULL,
  name text NOT NULL,
  category text NOT NULL,
  risk text NOT NULL CHECK (risk IN ('high','medium','low')),
  address text,
  active boolean NOT NULL DEFAULT true,
  UNIQUE (org_id, credit_code)
);
CREATE TABLE draws (
  id serial PRIMARY KEY,
  org_id int NOT NULL REFERENCES orgs(id),
  title text NOT NULL,
  item text NOT NULL,
  joint_org_ids jsonb NOT NULL DEFAULT '[]',
  spec jsonb NOT NULL,
  commitment text NOT NULL,
  pool_hash text NOT NULL,
  committed_at timestamptz NOT NULL DEFAULT now(),
  seed text,
  result jsonb,
  drawn_on date,
  created_by int REFERENCES users(id)
);
`,
  '0006_attachments_immutable': `
CREATE FUNCTION attachments_immutable() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION '全过程记录材料一经上传不得修改或删除';
END $$;
CREATE TRIGGER attachments_no_change BEFORE UPDATE OR DELETE ON attachments
  FOR EACH ROW EXECUTE FUNCTION attachments_immutable();
`,
  '0007_accounts': `
ALTER TABLE users ADD COLUMN must_change_password boolean NOT NULL DEFAULT false;
ALTER TABLE users ADD COLUMN password_changed_at timestamptz NOT NULL DEFAULT now();
ALTER TABLE users ADD COLUMN totp_secret text;
ALTER TABLE users ADD COLUMN totp_pending_secret text;
ALTER TABLE users ADD COLUMN totp_last_step bigint;
ALTER TABLE users ADD COLUMN last_login_at timestamptz;

CREATE TABLE password_history (
  id serial PRIMARY KEY,
  user_id int NOT NULL REFERENCES users(id),
  password_hash text NOT NULL,
  created_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX password_history_user ON password_history(user_id, id);

ALTER TABLE sessions ADD COLUMN id serial UNIQUE;
ALTER TABLE sessions ADD COLUMN last_seen_at timestamptz NOT NULL DEFAULT now();
ALTER TABLE sessions ADD COLUMN ip text;
ALTER TABLE sessions ADD COLUMN user_agent text;
ALTER TABLE sessions ADD COLUMN stage text NOT NULL DEFAULT 'active' CHECK (stage IN ('active','totp','enrol'));
CREATE INDEX sessions_user ON sessions(user_id);

CREATE TABLE login_failures (
  username text PRIMARY KEY,
  failed_logins int NOT NULL DEFAULT 0,
  locked_until timestamptz,
  last_at timestamptz NOT NULL DEFAULT now()
);

CREATE TABLE system_settings (
  key text PRIMARY KEY,
  value jsonb NOT NULL,
  updated_at timestamptz NOT NULL DEFAULT now(),
  updated_by int REFERENCES users(id)
);
`,
  '0008_duties': `
ALTER TABLE users DROP CONSTRAINT users_role_check;
ALTER TABLE users ADD CONSTRAINT users_role_check CHECK (role IN ('admin','secadmin','auditor','clerk','leader'));
CREATE TABLE duties (
  id serial PRIMARY KEY,
  user_id int NOT NULL REFERENCES users(id),
  org_id int NOT NULL REFERENCES orgs(id),
  subunits boolean NOT NULL DEFAULT true,
  subject text NOT NULL,
  actions jsonb NOT NULL,
  UNIQUE (user_id, org_id, subject)
);
CREATE INDEX duties_user ON duties(user_id);
ALTER TABLE case_parties ADD COLUMN kind text CHECK (kind IN ('person','organisation'));
`,
  // Audit rows go to one of several hash chains (chosen per database session) so that
  // concurrent writers do not queue on one chain head; existing rows form chain 0.
  // Checkpoints sign every chain head with an SM2 key kept outside the database.
  // Party ID numbers, phones and addresses are stored SM4-encrypted; *_bidx are keyed SM3
  // blind indexes so they can still be found by exact value.
  '0010_integrity': `
ALTER TABLE audit_events ADD COLUMN chain smallint NOT NULL DEFAULT 0;
CREATE INDEX audit_chain ON audit_events(chain, id);
CREATE TABLE audit_checkpoints (
  seq int PRIMARY KEY,
  at timestamptz NOT NULL,
  total bigint NOT NULL,
  heads jsonb NOT NULL,
  prev_digest text NOT NULL,
  digest text NOT NULL UNIQUE,
  key_id text NOT NULL,
  signature text NOT NULL
);
CREATE TRIGGER audit_checkpoints_no_change BEFORE UPDATE OR DELETE ON audit_checkpoints
  FOR EACH ROW EXECUTE FUNCTION audit_events_append_only();
ALTER TABLE case_parties ADD COLUMN id_number_bidx text;
ALTER TABLE case_parties ADD COLUMN phone_bidx text;
CREATE INDEX case_parties_id_number_bidx ON case_parties(id_number_bidx);
CREATE INDEX case_parties_phone_bidx ON case_parties(phone_bidx);
`,
  '0013_scale': `
CREATE TABLE demo_loads (
  id int PRIMARY KEY DEFAULT 1 CHECK (id = 1),
  started_at timestamptz NOT NULL DEFAULT now(),
  as_of date NOT NULL,
  database_was_empty boolean NOT NULL
);
CREATE INDEX cases_received ON cases(received_on DESC, id DESC);
CREATE INDEX cases_org_received ON cases(org_id, received_on DESC, id DESC);
CREATE INDEX case_clocks_running_due ON case_clocks(due_on, case_id) WHERE status = 'running';
CREATE TABLE indicator_days (
  type text NOT NULL,
  indicator text NOT NULL,
  day date NOT NULL,
  org_id int NOT NULL,
  n int NOT NULL,
  PRIMARY KEY (type, indicator, day, org_id)
);
CREATE TABLE indicator_months (
  type text NOT NULL,
  indicator text NOT NULL,
  month date NOT NULL,
  org_id int NOT NULL,
  n int NOT NULL,
  PRIMARY KEY (type, indicator, month, org_id)
);
CREATE TABLE indicator_dirty (
  type text NOT NULL,
  day date NOT NULL
);
CREATE INDEX indicator_dirty_type ON indicator_dirty(type);
CREATE FUNCTION indicator_dirty_events() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  INSERT INTO indicator_dirty (type, day) SELECT DISTINCT type, occurred_on FROM new_rows;
  RETURN NULL;
END $$;
CREATE TRIGGER case_events_rollup AFTER INSERT ON case_events REFERENCING NEW TABLE AS new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION indicator_dirty_events();
CREATE FUNCTION indicator_dirty_clocks_insert() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  INSERT INTO indicator_dirty (type, day) SELECT DISTINCT type, stopped_on FROM new_rows WHERE stopped_on IS NOT NULL;
  RETURN NULL;
END $$;
CREATE TRIGGER case_clocks_rollup_insert AFTER INSERT ON case_clocks REFERENCING NEW TABLE AS new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION indicator_dirty_clocks_insert();
CREATE FUNCTION indicator_dirty_clocks_update() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  INSERT INTO indicator_dirty (type, day)
    SELECT type, stopped_on FROM old_rows WHERE stopped_on IS NOT NULL
    UNION SELECT type, stopped_on FROM new_rows WHERE stopped_on IS NOT NULL;
  RETURN NULL;
END $$;
CREATE TRIGGER case_clocks_rollup_update AFTER UPDATE ON case_clocks REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION indicator_dirty_clocks_update();
`,
  '0014_workbench': `
CREATE TABLE warning_rules (
  type text NOT NULL,
  clock text NOT NULL,
  yellow_days int NOT NULL CHECK (yellow_days BETWEEN 0 AND 60),
  escalate boolean NOT NULL DEFAULT true,
  updated_by int REFERENCES users(id),
  updated_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (type, clock)
);
CREATE TABLE notifications (
  id serial PRIMARY KEY,
  user_id int NOT NULL REFERENCES users(id),
  kind text NOT NULL,
  title text NOT NULL,
  body text NOT NULL DEFAULT '',
  link text,
  dedupe text,
  created_by int REFERENCES users(id),
  created_at timestamptz NOT NULL DEFAULT now(),
  read_at timestamptz,
  UNIQUE (user_id, dedupe)
);
CREATE INDEX notifications_unread ON notifications (user_id, read_at, id);
CREATE TABLE notification_prefs (
  user_id int PRIMARY KEY REFERENCES users(id),
  muted jsonb NOT NULL DEFAULT '[]',
  channels jsonb NOT NULL DEFAULT '[]',
  quiet_from text,
  quiet_to text,
  phone text,
  email text
);
CREATE TABLE outbound_jobs (
  id bigserial PRIMARY KEY,
  notification_id int REFERENCES notifications(id),
  channel text NOT NULL,
  target text NOT NULL,
  payload jsonb NOT NULL,
  state text NOT NULL DEFAULT 'queued',
  attempts int NOT NULL DEFAULT 0,
  run_at timestamptz NOT NULL DEFAULT now(),
  last_error text,
  done_at timestamptz,
  created_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX outbound_jobs_due ON outbound_jobs (state, run_at);
CREATE TABLE document_templates (
  key text NOT NULL,
  version int NOT NULL,
  body text NOT NULL,
  created_by int REFERENCES users(id),
  created_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (key, version)
);
CREATE TABLE document_sequences (
  org_id int NOT NULL REFERENCES orgs(id),
  prefix text NOT NULL,
  year int NOT NULL,
  last int NOT NULL,
  PRIMARY KEY (org_id, prefix, year)
);
CREATE TABLE documents (
  id serial PRIMARY KEY,
  case_id int NOT NULL REFERENCES cases(id),
  template text NOT NULL,
  template_version int NOT NULL,
  number text NOT NULL UNIQUE,
  title text NOT NULL,
  addressee text,
  body text NOT NULL,
  signature text NOT NULL,
  issued_on date NOT NULL,
  issued_by int REFERENCES users(id),
  created_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX documents_case ON documents (case_id);
`,
  '0015_account_secrets': `
ALTER TABLE users DROP CONSTRAINT users_role_check;
ALTER TABLE users ADD CONSTRAINT users_role_check CHECK (role IN ('none','admin','secadmin','auditor','clerk','leader'));
ALTER TABLE users ADD COLUMN failed_since timestamptz;
ALTER TABLE login_failures ADD COLUMN failed_since timestamptz;
CREATE TABLE login_attempts (
  username text NOT NULL,
  address text NOT NULL,
  failed_logins int NOT NULL,
  locked_until timestamptz,
  last_at timestamptz NOT NULL,
  PRIMARY KEY (username, address)
);
CREATE INDEX login_attempts_last ON login_attempts (last_at);
`,
  // A large import on PGlite is written in short transactions into these tables, which no
  // reader reads, and then moved into the real tables in one transaction (cases/import-stage.ts).
  // No keys, indexes or triggers: they hold rows only while an import runs.
  '0016_import_staging': `
CREATE TABLE import_cases (import_id int NOT NULL, n bigserial, id int NOT NULL, type text, org_id int, number text, year int, seq int, title text, state text, outcome text, received_on date, closed_on date, handler_id int, fields jsonb, version int);
CREATE TABLE import_case_parties (import_id int NOT NULL, n bigserial, case_id int, role text, name text, kind text, id_number text, phone text, address text, id_number_bidx text, phone_bidx text);
CREATE TABLE import_case_events (import_id int NOT NULL, n bigserial, case_id int, type text, org_id int, kind text, occurred_on date, outcome text, from_state text, to_state text, data jsonb, actor_id int);
CREATE TABLE import_case_clocks (import_id int NOT NULL, n bigserial, case_id int, clock text, type text, org_id int, length int, unit text, status text, started_on date, due_on date, stopped_on date, stopped_by text, extended int, paused_days int, warnings jsonb);
CREATE TABLE import_case_links (import_id int NOT NULL, n bigserial, from_case_id int, to_case_id int, kind text);
CREATE TABLE import_audit_events (import_id int NOT NULL, n bigserial, at timestamptz, actor_id int, action text, entity text, entity_id text, before jsonb, after jsonb, prev_hash text, hash text, chain smallint);
CREATE SEQUENCE import_ids;
`,
  '0018_read_paths': `
CREATE INDEX case_clocks_running ON case_clocks (due_on) INCLUDE (type, clock, org_id, case_id) WHERE status = 'running';
CREATE INDEX case_clocks_drill ON case_clocks (type, clock, stopped_on, case_id) INCLUDE (org_id, due_on, status, stopped_by);
CREATE SEQUENCE read_generation;
CREATE FUNCTION read_generation_bump() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  PERFORM pg_advisory_xact_lock_shared(731014);
  PERFORM nextval('read_generation');
  RETURN NULL;
END $$;
DO $$
DECLARE t text;
BEGIN
  FOR t IN SELECT tablename FROM pg_tables WHERE schemaname = current_schema() AND tablename NOT LIKE 'kysely%' LOOP
    EXECUTE format('CREATE TRIGGER %I AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON %I FOR EACH STATEMENT EXECUTE FUNCTION read_generation_bump()', t || '_read_generation', t);
  END LOOP;
END $$;
`,
  // An import whose rows are all checked and staged is accepted: its row here says the staged
  // rows must be published (piece by piece, resumed after a crash), never thrown away.
  '0019_a_import_publishing': `
CREATE TABLE import_runs (
  id int PRIMARY KEY,
  state text NOT NULL CHECK (state IN ('publishing')),
  cases int NOT NULL,
  accepted_at timestamptz NOT NULL DEFAULT now()
);
CREATE TRIGGER import_runs_read_generation AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON import_runs FOR EACH STATEMENT EXECUTE FUNCTION read_generation_bump();
CREATE INDEX import_cases_piece ON import_cases (import_id, n);
CREATE INDEX import_case_parties_piece ON import_case_parties (import_id, case_id);
CREATE INDEX import_case_events_piece ON import_case_events (import_id, case_id);
CREATE INDEX import_case_clocks_piece ON import_case_clocks (import_id, case_id);
CREATE INDEX import_audit_events_piece ON import_audit_events (import_id, n);
CREATE INDEX import_audit_events_case ON import_audit_events (import_id, entity_id);
`,
  // A figure's drill-down lists its records by (date, case). With the case id a key of the events'
  // indicator index, as it is of case_clocks_drill, the first page reads in that order and stops
  // instead of sorting a whole day's events (a city's day is tens of thousands). The clocks'
  // older indicator index has the same leading keys as case_clocks_drill and less: it only cost writes.
  '0020_a_drill_order': `
DROP INDEX case_events_indicator;
CREATE INDEX case_events_indicator ON case_events (type, kind, occurred_on, case_id) INCLUDE (org_id, outcome);
DROP INDEX case_clocks_indicator;
`,
  // 15.5: every recipient line of an annual report is its own 报送 (recipient, date, 文号 or way).
  '0020_report_lines_deliveries': `
CREATE TABLE report_deliveries (
  id serial PRIMARY KEY,
  report_id int NOT NULL REFERENCES reports(id) ON DELETE CASCADE,
  line text NOT NULL,
  recipient text NOT NULL,
  recipient_org_id int REFERENCES orgs(id),
  sent_on date NOT NULL,
  channel text NOT NULL,
  doc_number text,
  recorded_by int REFERENCES users(id),
  recorded_at timestamptz NOT NULL DEFAULT now(),
  UNIQUE (report_id, line)
);
CREATE TRIGGER report_deliveries_read_generation AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON report_deliveries FOR EACH STATEMENT EXECUTE FUNCTION read_generation_bump();
`,
  // 2.13, 15.9: the 政府信息公开 年报, the 行政执法 annual data and the 建议提案 办理情况 are computed, not stored; what is
  // stored is each org-year's 报送 (to whom, when, how) and 公开 (when, where), each once, so
  // lateness against their deadlines can be seen.
  '0021_annual_filings': `
CREATE TABLE annual_filings (
  id serial PRIMARY KEY,
  report text NOT NULL CHECK (report IN ('govinfo', 'enforcement_data', 'proposals')),
  org_id int NOT NULL REFERENCES orgs(id),
  year int NOT NULL,
  step text NOT NULL CHECK (step IN ('submit', 'publish')),
  done_on date NOT NULL,
  recipient text,
  recipient_org_id int REFERENCES orgs(id),
  channel text NOT NULL,
  doc_number text,
  url text,
  recorded_by int REFERENCES users(id),
  recorded_at timestamptz NOT NULL DEFAULT now(),
  UNIQUE (report, org_id, year, step)
);
CREATE INDEX annual_filings_year ON annual_filings (report, year);
CREATE TRIGGER annual_filings_read_generation AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON annual_filings FOR EACH STATEMENT EXECUTE FUNCTION read_generation_bump();
`,
  // 14.1: who must 述法 is the district's to set; a row overrides the default of the org's kind.
  '0021_org_obligations': `
CREATE TABLE org_obligations (
  org_id int NOT NULL REFERENCES orgs(id) ON DELETE CASCADE,
  obligation text NOT NULL,
  required boolean NOT NULL,
  set_by int REFERENCES users(id),
  set_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (org_id, obligation)
);
CREATE TRIGGER org_obligations_read_generation AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON org_obligations FOR EACH STATEMENT EXECUTE FUNCTION read_generation_bump();
`,
  // Review 8.2/8.3: clocks counted in hours (12345 紧急工单) keep their due and stop instants, in
  // China's wall-clock time like the dates beside them; null for day clocks. The staging table
  // of bulk imports carries them too. Existing triggers (rollup, read generation) cover the columns.
  // The warning counts read the running clocks index-only, and the on-time counts the drill index:
  // they now test due_at, stopped_at and unit too, so both indexes carry them.
  '0021_clock_hours': `
ALTER TABLE case_clocks ADD COLUMN due_at timestamp;
ALTER TABLE case_clocks ADD COLUMN stopped_at timestamp;
ALTER TABLE import_case_clocks ADD COLUMN due_at timestamp;
ALTER TABLE import_case_clocks ADD COLUMN stopped_at timestamp;
DROP INDEX case_clocks_running;
CREATE INDEX case_clocks_running ON case_clocks (due_on) INCLUDE (type, clock, org_id, case_id, due_at, unit) WHERE status = 'running';
DROP INDEX case_clocks_drill;
CREATE INDEX case_clocks_drill ON case_clocks (type, clock, stopped_on, case_id) INCLUDE (org_id, due_on, status, stopped_by, due_at, stopped_at);
`,
};

function splitStatements(script: string): string[] {
  // Split on semicolons at line ends, but keep $$-quoted function bodies whole.
  const out: string[] = [];
  let buf = '';
  let inDollar = false;
  for (const line of script.split('\n')) {
    buf += line + '\n';
    if ((line.match(/\$\$/g) ?? []).length % 2 === 1) inDollar = !inDollar;
    if (!inDollar && line.trimEnd().endsWith(';')) {
      out.push(buf.trim());
      buf = '';
    }
  }
  if (buf.trim()) out.push(buf.trim());
  return out;
}

export const migrationProvider: MigrationProvider = {
  async getMigrations() {
    const all: Record<string, Migration> = {};
    for (const [name, script] of Object.entries(steps)) {
      all[name] = {
        async up(db: Kysely<any>) {
          for (const stmt of splitStatements(script)) await sql.raw(stmt).execute(db);
        },
      };
    }
    return all;
  },
};
