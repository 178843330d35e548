using System.Globalization;

namespace AIWorkflows.Storage.Deciding;

/// <summary>A command an instance answered: the versions before and after it (equal when it decided nothing).</summary>
public readonly record struct WorkflowAnswer(string CommandId, long Before, long After);

/// <summary>
/// The commands an instance answered lately, as its state row keeps them (<c>id:before:after</c>,
/// oldest first, space-separated): enough for a caller waiting on its own command.
/// </summary>
public static class WorkflowAnswers
{
    private const int Kept = 16;

    public static string Format(IEnumerable<WorkflowAnswer> answers) =>
        string.Join(' ', answers.TakeLast(Kept).Select(a => string.Create(CultureInfo.InvariantCulture, $"{a.CommandId}:{a.Before}:{a.After}")));

    public static IReadOnlyDictionary<string, WorkflowAnswer> Parse(string? column) =>
        (column ?? "").Split(' ', StringSplitOptions.RemoveEmptyEntries)
            .Select(a => a.Split(':'))
            .Where(p => p.Length == 3)
            .Select(p => new WorkflowAnswer(p[0], long.Parse(p[1], CultureInfo.InvariantCulture), long.Parse(p[2], CultureInfo.InvariantCulture)))
            .GroupBy(a => a.CommandId, StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => g.Last(), StringComparer.Ordinal);
}
