using Azure.Data.Tables;

namespace AIWorkflows.Storage.Tables;

/// <summary>
/// Stores a string that may exceed the 64 KiB-per-property limit: as <c>Name</c> when it fits,
/// otherwise as <c>Name0..NameN</c> with <c>NameParts</c> holding the count. The 1 MiB entity limit
/// still applies and is checked by <see cref="TableTransactionGuard"/>.
/// </summary>
public static class LongText
{
    /// <summary>Chunk size in UTF-16 characters, a little under 64 KiB so no chunk touches the limit.</summary>
    public const int ChunkChars = 32_000;

    public static void Write(TableEntity entity, string name, string value)
    {
        ArgumentNullException.ThrowIfNull(entity);
        ArgumentNullException.ThrowIfNull(value);
        if (value.Length <= ChunkChars)
        {
            entity[name] = value;
            return;
        }

        var part = 0;
        for (var start = 0; start < value.Length; part++)
        {
            var length = Math.Min(ChunkChars, value.Length - start);
            // Never cut a surrogate pair in two: each half would be an invalid string on its own.
            if (start + length < value.Length && char.IsHighSurrogate(value[start + length - 1])) length--;
            entity[name + part.ToString(System.Globalization.CultureInfo.InvariantCulture)] = value.Substring(start, length);
            start += length;
        }
        entity[name + "Parts"] = part;
    }

    public static string? Read(TableEntity entity, string name)
    {
        ArgumentNullException.ThrowIfNull(entity);
        if (entity.GetString(name) is { } whole) return whole;
        if (entity.GetInt32(name + "Parts") is not { } parts) return null;
        return string.Concat(Enumerable.Range(0, parts).Select(i =>
            entity.GetString(name + i.ToString(System.Globalization.CultureInfo.InvariantCulture))
            ?? throw new InvalidOperationException($"Entity '{entity.PartitionKey}/{entity.RowKey}' lacks part {i} of {name}.")));
    }
}
