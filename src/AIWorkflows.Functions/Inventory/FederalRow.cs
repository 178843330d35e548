namespace AIWorkflows.App.Inventory;

/// <summary>One use case of a federal-schema file: its spreadsheet row (the header is row 1) and its cells by column.</summary>
public sealed class FederalRow(int row, IReadOnlyDictionary<string, string> cells, string? malformed = null)
{
    public int Row { get; } = row;

    public IReadOnlyDictionary<string, string> Cells { get; } = cells;

    /// <summary>Why the row cannot be read as the header says, if it cannot.</summary>
    public string? Malformed { get; } = malformed;

    public string this[string column] => Cells.TryGetValue(column, out var v) ? v : "";

    /// <summary>
    /// A multiple-choice answer in the dictionary's short form: files carry either the long form
    /// ("a) High-impact") or the short one ("High-impact"); the letter prefix goes, case is ignored.
    /// </summary>
    public string Choice(string column) => Normalize(this[column]);

    public static string Normalize(string? value)
    {
        var v = (value ?? "").Trim();
        if (v.Length > 3 && char.IsAsciiLetterLower(v[0]) && v[1] == ')' && v[2] == ' ') v = v[3..].TrimStart();
        return v.ToLowerInvariant();
    }
}
