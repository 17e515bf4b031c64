using Microsoft.Data.Sqlite;

namespace Orchestrator.Storage.Sqlite.Internal;

/// <summary>
/// A command compiled once and run many times on the writer connection; its parameters are reused and set by
/// position, so a write binds values without building commands or looking parameters up by name.
/// </summary>
internal sealed class PreparedStatement : IDisposable
{
    private readonly SqliteCommand _command;
    private readonly SqliteParameter[] _parameters;

    public PreparedStatement(SqliteConnection connection, string sql, params string[] parameterNames)
    {
        _command = connection.CreateCommand();
        _command.CommandText = sql;
        _parameters = new SqliteParameter[parameterNames.Length];
        for (var i = 0; i < parameterNames.Length; i++)
        {
            _parameters[i] = _command.Parameters.Add(new SqliteParameter(parameterNames[i], DBNull.Value));
        }

        _command.Prepare();
    }

    /// <summary>The transaction the next runs belong to (Microsoft.Data.Sqlite requires it to be named).</summary>
    public SqliteTransaction? Transaction
    {
        set => _command.Transaction = value;
    }

    public PreparedStatement Set(int index, string? value)
    {
        _parameters[index].Value = (object?)value ?? DBNull.Value;
        return this;
    }

    public PreparedStatement Set(int index, long value)
    {
        _parameters[index].Value = value;
        return this;
    }

    public PreparedStatement Set(int index, DateTime value) => Set(index, StoreTime.ToTicks(value));

    public PreparedStatement Set(int index, DateTime? value)
    {
        _parameters[index].Value = value is { } time ? StoreTime.ToTicks(time) : DBNull.Value;
        return this;
    }

    /// <summary>Runs the statement; the number of rows changed.</summary>
    public int Execute() => _command.ExecuteNonQuery();

    /// <summary>Runs the statement; the first column of the first row, or null when there is none.</summary>
    public object? Scalar()
    {
        var value = _command.ExecuteScalar();
        return value is DBNull ? null : value;
    }

    public SqliteDataReader Reader() => _command.ExecuteReader();

    public void Dispose() => _command.Dispose();
}
