namespace AIWorkflows.Storage.Tables;

/// <summary>
/// PartitionKey/RowKey rules of Azure Table Storage. Azurite accepts keys that Azure refuses, so we
/// check them ourselves and fail before sending anything.
/// </summary>
public static class TableKeys
{
    /// <summary>Keys are at most 1 KiB of UTF-16.</summary>
    public const int MaxLength = 512;

    public static bool IsValid(string? key, out string? problem)
    {
        problem = key switch
        {
            null => "is null",
            "" => "is empty",
            { Length: > MaxLength } => $"is {key.Length} characters long; keys stop at {MaxLength}",
            _ => null,
        };
        if (problem is not null) return false;
        foreach (var c in key!)
        {
            // Azure rejects these in keys: path separators, '#', '?', and control characters.
            if (c is '/' or '\\' or '#' or '?' || char.IsControl(c))
            {
                problem = $"contains '{Printable(c)}'; keys cannot hold / \\ # ? or control characters";
                return false;
            }
        }
        return true;
    }

    /// <summary>Throws an <see cref="ArgumentException"/> naming <paramref name="what"/> when the key is illegal.</summary>
    public static string Require(string? key, string what)
    {
        if (!IsValid(key, out var problem))
            throw new ArgumentException($"The {what} '{key}' cannot be a table key: it {problem}.", what);
        return key!;
    }

    private static string Printable(char c) => char.IsControl(c) ? $"\\u{(int)c:X4}" : c.ToString();
}
