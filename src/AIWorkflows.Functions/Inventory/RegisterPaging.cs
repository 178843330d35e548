using System.Globalization;

namespace AIWorkflows.App.Inventory;

/// <summary>
/// <c>?page=&amp;pageSize=</c>: one page of the tools a filter keeps (issue 17 §4: the federal import alone is
/// thousands of tools). The register's order is total (department, name, tool id), so a page link with its filter
/// gives the same tools for as long as the register does not change. The CSV download is never paged.
/// </summary>
public sealed record RegisterPaging(int Page, int PageSize)
{
    public const int DefaultSize = 50;
    public const int MaxSize = 200;

    /// <summary>The sizes the page offers to choose from; the API takes any size from 1 to <see cref="MaxSize"/>.</summary>
    public static IReadOnlyList<int> Sizes { get; } = [25, DefaultSize, 100, MaxSize];

    public static RegisterPaging First { get; } = new(1, DefaultSize);

    /// <summary>Reads the paging; a value that is not a whole number in range is an error, never silently changed.</summary>
    public static (RegisterPaging Paging, Dictionary<string, string[]> Errors) Read(IQueryCollection query)
    {
        ArgumentNullException.ThrowIfNull(query);
        var errors = new Dictionary<string, string[]>(StringComparer.Ordinal);
        int Number(string key, int fallback, int max, string message)
        {
            var text = query[key].ToString().Trim();
            if (text.Length == 0) return fallback;
            if (text.Length <= 9 && int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var n) && n >= 1 && n <= max) return n;
            errors[key] = [message];
            return fallback;
        }
        var page = Number("page", 1, int.MaxValue, "Give a page number: a whole number from 1.");
        var size = Number("pageSize", DefaultSize, MaxSize, $"Choose how many tools a page shows: a whole number from 1 to {MaxSize}.");
        return (new RegisterPaging(page, size), errors);
    }

    public int PageCount(int matching) => Math.Max(1, (matching + PageSize - 1) / PageSize);

    /// <summary>The tools on this page: empty past the last page.</summary>
    public IReadOnlyList<T> Of<T>(IReadOnlyList<T> matching) =>
        [.. matching.Skip((int)Math.Min(int.MaxValue, (long)(Page - 1) * PageSize)).Take(PageSize)];

    public bool HasNext(int matching) => (long)Page * PageSize < matching;

    public RegisterPaging With(int page) => this with { Page = page };
}
