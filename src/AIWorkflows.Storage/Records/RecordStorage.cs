namespace AIWorkflows.Storage.Records;

/// <summary>The tables and container the records feature keeps, registered for creation at start-up.</summary>
public static class RecordStorage
{
    public const string IndexTable = "Records";
    public const string AccessLogTable = "RecordAccessLog";
    public const string ToolsTable = "RecordTools";
    public const string Container = "records";

    public static void Register(StorageClients clients)
    {
        ArgumentNullException.ThrowIfNull(clients);
        clients.RegisterTable(IndexTable);
        clients.RegisterTable(AccessLogTable);
        clients.RegisterTable(ToolsTable);
        clients.RegisterContainer(Container);
    }

    public static RecordArchive Archive(StorageClients clients)
    {
        ArgumentNullException.ThrowIfNull(clients);
        return new RecordArchive(clients.Container(Container), clients.Table(IndexTable));
    }
}
