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
/// records (triggers refuse UPDATE and DELETE): a running instance may need any of them. Usage is attributed when it
/// is written: each entry records the root of its instance's tree (the instance a person started) and that root's
/// workflow, and every instance keeps its own totals next to the totals of itself and all its descendants, added to
/// along the parent chain in the entry's transaction, so no query walks a tree.
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
        new(5, "usage rolled up to the root instance and its workflow", """
            ALTER TABLE instances ADD COLUMN root_instance_id TEXT;
            ALTER TABLE instances ADD COLUMN total_input_tokens        INTEGER NOT NULL DEFAULT 0;
            ALTER TABLE instances ADD COLUMN total_cached_input_tokens INTEGER NOT NULL DEFAULT 0;
            ALTER TABLE instances ADD COLUMN total_output_tokens       INTEGER NOT NULL DEFAULT 0;
            ALTER TABLE instances ADD COLUMN total_cost_nanousd        INTEGER NOT NULL DEFAULT 0;
            ALTER TABLE usage ADD COLUMN root_instance_id TEXT;
            ALTER TABLE usage ADD COLUMN root_workflow    TEXT;

            WITH RECURSIVE chain (instance_id, root_id) AS (
                SELECT i.instance_id, i.instance_id FROM instances AS i
                WHERE i.parent_instance_id IS NULL
                   OR NOT EXISTS (SELECT 1 FROM instances AS p WHERE p.instance_id = i.parent_instance_id)
                UNION
                SELECT c.instance_id, chain.root_id FROM instances AS c JOIN chain ON c.parent_instance_id = chain.instance_id)
            UPDATE instances SET root_instance_id = (SELECT root_id FROM chain WHERE chain.instance_id = instances.instance_id);

            UPDATE usage SET root_instance_id = COALESCE(
                (SELECT COALESCE(i.root_instance_id, i.instance_id) FROM instances AS i WHERE i.instance_id = usage.instance_id), instance_id);
            UPDATE usage SET root_workflow = COALESCE(
                (SELECT r.name FROM instances AS r WHERE r.instance_id = usage.root_instance_id), workflow);

            CREATE TEMP TABLE usage_ancestry AS
                WITH RECURSIVE up (owner, ancestor) AS (
                    SELECT instance_id, instance_id FROM instances WHERE cost_nanousd <> 0 OR input_tokens <> 0 OR output_tokens <> 0
                    UNION
                    SELECT up.owner, i.parent_instance_id FROM up JOIN instances AS i ON i.instance_id = up.ancestor
                    WHERE i.parent_instance_id IS NOT NULL)
                SELECT owner, ancestor FROM up;
            CREATE INDEX temp.ix_usage_ancestry ON usage_ancestry (ancestor);
            UPDATE instances SET
                total_input_tokens        = (SELECT SUM(d.input_tokens) FROM usage_ancestry AS a JOIN instances AS d ON d.instance_id = a.owner WHERE a.ancestor = instances.instance_id),
                total_cached_input_tokens = (SELECT SUM(d.cached_input_tokens) FROM usage_ancestry AS a JOIN instances AS d ON d.instance_id = a.owner WHERE a.ancestor = instances.instance_id),
                total_output_tokens       = (SELECT SUM(d.output_tokens) FROM usage_ancestry AS a JOIN instances AS d ON d.instance_id = a.owner WHERE a.ancestor = instances.instance_id),
                total_cost_nanousd        = (SELECT SUM(d.cost_nanousd) FROM usage_ancestry AS a JOIN instances AS d ON d.instance_id = a.owner WHERE a.ancestor = instances.instance_id)
            WHERE instance_id IN (SELECT ancestor FROM usage_ancestry);
            DROP TABLE usage_ancestry;

            DROP INDEX ix_usage_workflow;
            CREATE INDEX ix_usage_root_workflow ON usage (root_workflow, at);
            CREATE INDEX ix_usage_root_instance ON usage (root_instance_id, at);
            """),
    ];
}
