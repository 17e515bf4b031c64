namespace Orchestrator.Storage.Sqlite.Internal;

/// <summary>
/// The ordered schema steps. A released step is never edited: a change to the schema is a new step at the end.
/// </summary>
/// <remarks>
/// Times are INTEGER ticks (UTC). History keeps one row per commit holding all that commit's events as a JSON array,
/// so a turn is one insert and a load is a handful of rows. Inbox ids come from AUTOINCREMENT so a consumed id is
/// never handed out again. Costs are INTEGER nano-dollars (1e-9 USD, see <see cref="UsageCost"/>) so SQL sums them
/// exactly. A human task's assignees are repeated in <c>human_task_assignees</c>, the index behind "what may I decide".
/// Audit records are append-only (triggers refuse UPDATE and DELETE; purging an instance keeps them) and hash-chained
/// by <c>seq</c>, which the writer assigns (1, 2, 3 … without gaps). Every step appends one, so the table has only the
/// index per instance: other filters (actor, action, time, text) walk <c>seq</c> newest first, which suits an
/// administrator's occasional search better than slowing every step down with more indexes. A designer flow has at
/// most one draft (replaced on every save) and any number of published versions, which are immutable like the audit
/// records (triggers refuse UPDATE and DELETE): a running instance may need any of them.
/// </remarks>
internal static class SchemaMigrations
{
    public static IReadOnlyList<SchemaMigration> All { get; } =
    [
        new(1, "instances, tags, history, inbox, activities, timers", """
            CREATE TABLE instances (
                instance_id        TEXT    NOT NULL PRIMARY KEY,
                name               TEXT    NOT NULL,
                version            TEXT,
                status             TEXT    NOT NULL,
                input              TEXT,
                output             TEXT,
                error              TEXT,
                custom_status      TEXT,
                created_at         INTEGER NOT NULL,
                updated_at         INTEGER NOT NULL,
                started_by         TEXT,
                parent_instance_id TEXT,
                tags               TEXT,
                execution_id       TEXT    NOT NULL,
                lease_owner        TEXT,
                lease_until        INTEGER
            );
            CREATE INDEX ix_instances_created ON instances (created_at DESC, instance_id DESC);
            CREATE INDEX ix_instances_status ON instances (status, created_at DESC, instance_id DESC);
            CREATE INDEX ix_instances_name ON instances (name, created_at DESC, instance_id DESC);
            CREATE INDEX ix_instances_parent ON instances (parent_instance_id, created_at DESC, instance_id DESC)
                WHERE parent_instance_id IS NOT NULL;

            CREATE TABLE instance_tags (
                instance_id TEXT NOT NULL,
                key         TEXT NOT NULL,
                value       TEXT NOT NULL,
                PRIMARY KEY (instance_id, key)
            ) WITHOUT ROWID;
            CREATE INDEX ix_instance_tags_key_value ON instance_tags (key, value, instance_id);

            CREATE TABLE history (
                instance_id TEXT    NOT NULL,
                seq         INTEGER NOT NULL,
                events      TEXT    NOT NULL,
                PRIMARY KEY (instance_id, seq)
            );

            CREATE TABLE inbox (
                id          INTEGER PRIMARY KEY AUTOINCREMENT,
                instance_id TEXT    NOT NULL,
                event       TEXT    NOT NULL,
                created_at  INTEGER NOT NULL
            );
            CREATE INDEX ix_inbox_instance ON inbox (instance_id, id);

            CREATE TABLE activities (
                instance_id  TEXT    NOT NULL,
                task_id      INTEGER NOT NULL,
                execution_id TEXT    NOT NULL,
                name         TEXT    NOT NULL,
                input        TEXT,
                attempt      INTEGER NOT NULL,
                due_at       INTEGER NOT NULL,
                last_error   TEXT,
                PRIMARY KEY (instance_id, task_id)
            );
            CREATE INDEX ix_activities_due ON activities (due_at);

            CREATE TABLE timers (
                instance_id  TEXT    NOT NULL,
                timer_id     INTEGER NOT NULL,
                execution_id TEXT    NOT NULL,
                fire_at      INTEGER NOT NULL,
                PRIMARY KEY (instance_id, timer_id)
            ) WITHOUT ROWID;
            CREATE INDEX ix_timers_fire ON timers (fire_at);
            """),
        new(2, "human tasks and assignees, usage, instance usage totals", """
            CREATE TABLE human_tasks (
                task_id            TEXT    NOT NULL PRIMARY KEY,
                instance_id        TEXT    NOT NULL,
                workflow           TEXT    NOT NULL,
                title              TEXT    NOT NULL,
                details            TEXT,
                proposed           TEXT,
                proposed_schema    TEXT,
                assign_to          TEXT    NOT NULL,
                requested_by_agent TEXT,
                on_behalf_of       TEXT,
                context            TEXT,
                created_at         INTEGER NOT NULL,
                due_at             INTEGER,
                status             TEXT    NOT NULL,
                decided_by         TEXT,
                decided_at         INTEGER,
                comment            TEXT,
                edits              TEXT
            );
            CREATE INDEX ix_human_tasks_instance ON human_tasks (instance_id);
            CREATE INDEX ix_human_tasks_status ON human_tasks (status, created_at DESC);

            CREATE TABLE human_task_assignees (
                assignee TEXT NOT NULL,
                task_id  TEXT NOT NULL,
                PRIMARY KEY (assignee, task_id)
            ) WITHOUT ROWID;
            CREATE INDEX ix_human_task_assignees_task ON human_task_assignees (task_id);

            CREATE TABLE usage (
                id                  INTEGER PRIMARY KEY,
                instance_id         TEXT    NOT NULL,
                task_id             INTEGER NOT NULL,
                workflow            TEXT    NOT NULL,
                agent               TEXT,
                user_name           TEXT,
                model               TEXT    NOT NULL,
                input_tokens        INTEGER NOT NULL,
                cached_input_tokens INTEGER NOT NULL,
                output_tokens       INTEGER NOT NULL,
                cost_nanousd        INTEGER NOT NULL,
                at                  INTEGER NOT NULL
            );
            CREATE INDEX ix_usage_at ON usage (at);
            CREATE INDEX ix_usage_workflow ON usage (workflow, at);
            CREATE INDEX ix_usage_agent ON usage (agent, at);
            CREATE INDEX ix_usage_user ON usage (user_name, at);
            CREATE INDEX ix_usage_model ON usage (model, at);
            CREATE INDEX ix_usage_instance ON usage (instance_id, at);

            ALTER TABLE instances ADD COLUMN input_tokens        INTEGER NOT NULL DEFAULT 0;
            ALTER TABLE instances ADD COLUMN cached_input_tokens INTEGER NOT NULL DEFAULT 0;
            ALTER TABLE instances ADD COLUMN output_tokens       INTEGER NOT NULL DEFAULT 0;
            ALTER TABLE instances ADD COLUMN cost_nanousd        INTEGER NOT NULL DEFAULT 0;
            """),
        new(3, "audit trail (hash chain)", """
            CREATE TABLE audit (
                seq          INTEGER PRIMARY KEY,
                time         INTEGER NOT NULL,
                instance_id  TEXT,
                actor        TEXT    NOT NULL,
                on_behalf_of TEXT,
                action       TEXT    NOT NULL,
                target       TEXT,
                outcome      TEXT    NOT NULL,
                details      TEXT,
                prev_hash    TEXT    NOT NULL,
                hash         TEXT    NOT NULL
            );
            CREATE INDEX ix_audit_instance ON audit (instance_id, seq) WHERE instance_id IS NOT NULL;

            CREATE TRIGGER audit_no_update BEFORE UPDATE ON audit
            BEGIN SELECT RAISE(ABORT, 'audit records are append-only'); END;
            CREATE TRIGGER audit_no_delete BEFORE DELETE ON audit
            BEGIN SELECT RAISE(ABORT, 'audit records are append-only'); END;
            """),
        new(4, "designer flow drafts and published versions", """
            CREATE TABLE flow_drafts (
                definition_id TEXT    NOT NULL PRIMARY KEY,
                name          TEXT    NOT NULL,
                json          TEXT    NOT NULL,
                saved_at      INTEGER NOT NULL,
                saved_by      TEXT
            );

            CREATE TABLE flow_versions (
                definition_id TEXT    NOT NULL,
                version       INTEGER NOT NULL,
                name          TEXT    NOT NULL,
                json          TEXT    NOT NULL,
                saved_at      INTEGER NOT NULL,
                saved_by      TEXT,
                PRIMARY KEY (definition_id, version)
            ) WITHOUT ROWID;

            CREATE TRIGGER flow_versions_no_update BEFORE UPDATE ON flow_versions
            BEGIN SELECT RAISE(ABORT, 'published flow versions are immutable'); END;
            CREATE TRIGGER flow_versions_no_delete BEFORE DELETE ON flow_versions
            BEGIN SELECT RAISE(ABORT, 'published flow versions are immutable'); END;
            """),
    ];
}
