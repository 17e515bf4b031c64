using Microsoft.Data.Sqlite;

namespace Orchestrator.Storage.Sqlite.Internal;

/// <summary>Keeps idle read connections open so a read does not pay for opening the file and setting pragmas.</summary>
internal sealed class ReadConnectionPool : IDisposable
{
    private readonly Func<SqliteConnection> _open;
    private readonly int _maxIdle;
    private readonly Lock _gate = new();
    private readonly Stack<SqliteConnection> _idle = new();
    private bool _disposed;

    public ReadConnectionPool(Func<SqliteConnection> open, int maxIdle)
    {
        _open = open;
        _maxIdle = maxIdle;
    }

    /// <summary>An idle connection, or a new one when none is idle.</summary>
    public SqliteConnection Rent()
    {
        lock (_gate)
        {
            ObjectDisposedException.ThrowIf(_disposed, this);
            if (_idle.TryPop(out var idle))
            {
                return idle;
            }
        }

        return _open();
    }

    /// <summary>Gives a connection back; it is closed when the pool is full or disposed.</summary>
    public void Return(SqliteConnection connection)
    {
        lock (_gate)
        {
            if (!_disposed && _idle.Count < _maxIdle)
            {
                _idle.Push(connection);
                return;
            }
        }

        connection.Dispose();
    }

    public void Dispose()
    {
        SqliteConnection[] idle;
        lock (_gate)
        {
            _disposed = true;
            idle = [.. _idle];
            _idle.Clear();
        }

        foreach (var connection in idle)
        {
            connection.Dispose();
        }
    }
}
