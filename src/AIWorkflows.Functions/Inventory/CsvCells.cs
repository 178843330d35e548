using CsvHelper;

namespace AIWorkflows.App.Inventory;

/// <summary>
/// The CSV dialect we read and write: RFC 4180 (comma, CRLF, quotes doubled), UTF-8 without a byte
/// order mark. Written cells are guarded against CSV formula injection: a spreadsheet runs a cell that
/// starts with = + - @ (or a tab or carriage return) as a formula, so such a cell gets a leading
/// apostrophe and shows as text (OWASP's advice, CsvHelper's <see cref="CsvInjection.Escape"/>).
/// </summary>
public static class CsvCells
{
    public static CsvWriterOptions Writing { get; } = CsvWriterOptions.Default with { Injection = CsvInjection.Escape, NewLine = "\r\n" };

    public static CsvReaderOptions Reading { get; } = CsvReaderOptions.Default with { Separator = ',' };

    /// <summary>Undoes the guard when a file we wrote comes back: "'=x" is read as "=x".</summary>
    public static string Unguard(string value) =>
        value is { Length: > 1 } && value[0] == '\'' && value[1] is '=' or '+' or '-' or '@' or '\t' or '\r' ? value[1..] : value;
}
