namespace AIWorkflows.Storage.Counting;

/// <summary>
/// What a billed request touched: the HTTP method and the resource (table or container name;
/// entity-group transactions show as <c>{table}/$batch</c>, table creation as <c>Tables</c>).
/// </summary>
public readonly record struct StorageOperation(string Method, string Resource)
{
    public override string ToString() => $"{Method} {Resource}";
}
