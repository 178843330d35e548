namespace AIWorkflows.Storage.Tables;

/// <summary>
/// A write that Azure Table Storage would refuse (too many operations, too big, several partitions).
/// Raised before anything is sent, because Azurite does not enforce these limits and tests would pass.
/// </summary>
public sealed class TableLimitException : InvalidOperationException
{
    public TableLimitException()
    {
    }

    public TableLimitException(string message)
        : base(message)
    {
    }

    public TableLimitException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
