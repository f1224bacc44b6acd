import { sql, type Kysely } from 'kysely';
import type { Migration, MigrationProvider } from 'kysely/migration';

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
