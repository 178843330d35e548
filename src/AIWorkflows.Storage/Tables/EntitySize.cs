using System.Text;
using System.Text.Json;
using Azure.Data.Tables;

namespace AIWorkflows.Storage.Tables;

/// <summary>Sizes of an entity as the Table service measures them (stored) and as it travels (wire).</summary>
public static class EntitySize
{
    public const int MaxEntityBytes = 1024 * 1024;

    public const int MaxPropertyBytes = 64 * 1024;

    /// <summary>
    /// The documented formula: 4 + 2×(len(PK)+len(RK)) + Σ (8 + 2×len(name) + size(value)), strings in UTF-16.
    /// </summary>
    public static long Stored(ITableEntity entity)
    {
        ArgumentNullException.ThrowIfNull(entity);
        long size = 4 + 2L * ((entity.PartitionKey?.Length ?? 0) + (entity.RowKey?.Length ?? 0));
        foreach (var (name, value) in Properties(entity))
            size += 8 + 2L * name.Length + ValueSize(value);
        return size;
    }

    /// <summary>
    /// UTF-8 JSON bytes of the entity as the SDK would send it, plus a margin per property for the
    /// OData type annotations. Used to keep a batch under the 4 MiB payload limit.
    /// </summary>
    public static long Wire(ITableEntity entity)
    {
        ArgumentNullException.ThrowIfNull(entity);
        long size = 64 + Encoding.UTF8.GetByteCount(entity.PartitionKey ?? "") + Encoding.UTF8.GetByteCount(entity.RowKey ?? "");
        foreach (var (name, value) in Properties(entity))
        {
            size += 48 + name.Length;
            size += value is string s ? JsonEncodedText.Encode(s).EncodedUtf8Bytes.Length : 40;
            if (value is byte[] bytes) size += bytes.Length * 4 / 3;
        }
        return size;
    }

    /// <summary>The largest string a property can hold: 64 KiB of UTF-16.</summary>
    public static int MaxStringChars => MaxPropertyBytes / 2;

    internal static IEnumerable<KeyValuePair<string, object>> Properties(ITableEntity entity) =>
        entity is IDictionary<string, object> dictionary
            ? dictionary.Where(kv => kv.Key is not ("PartitionKey" or "RowKey" or "Timestamp" or "odata.etag"))
            : [];

    private static long ValueSize(object? value) => value switch
    {
        null => 0,
        string s => 4 + 2L * s.Length,
        byte[] b => 4 + b.Length,
        BinaryData d => 4 + d.ToMemory().Length,
        bool => 1,
        int => 4,
        long or double or DateTime or DateTimeOffset => 8,
        Guid => 16,
        _ => 8,
    };
}
