namespace Orchestrator.Storage.Sqlite.Internal;

/// <summary>
/// The ordered schema steps. A released step is never edited: a change to the schema is a new step at the end.
/// </summary>
/// <remarks>
/// Times are INTEGER ticks (UTC). History keeps one row per commit holding all that commit's events as a JSON array,
/// so a turn is one insert and a load is a handful of rows. Inbox ids come from AUTOINCREMENT so a consumed id is
/// never handed out again.
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
    ];
}
