using System.Globalization;
using AIWorkflows.App.Workflows;
using AIWorkflows.Domain.AccessGrants;
using AIWorkflows.Domain.Calendar;
using AIWorkflows.Domain.Policy;
using AIWorkflows.Storage.Records;
using Azure;
using Microsoft.DurableTask.Client;

namespace AIWorkflows.App.AccessGrants;

/// <summary>A completion to record, once checked: <c>Row</c> is its line in an import (0 when recorded by hand).</summary>
public sealed record Completion(int Row, string EmployeeKey, string CourseId, DateOnly CompletedOn);

public sealed record RefusedTrainingRow(int Row, string? EmployeeEmail, string? Course, string Reason);

/// <summary>What an import did: rows read, rows accepted (recorded or already on file), rows refused and why, and the record that keeps the file.</summary>
public sealed record TrainingImportReport(
    int Rows, int Accepted, int Recorded, int AlreadyOnFile, int GrantsUpdated, IReadOnlyList<RefusedTrainingRow> Refused, string? RecordId);

/// <summary>
/// Training completions (Albuquerque 5.1: training before access), recorded by an administrator or
/// imported from the learning system, kept per employee and told to the employee's open grants,
/// where a renewal moves the expiry (Sacramento VI.B: only tools one has received training for).
/// </summary>
public sealed partial class TrainingService(
    WorkflowGateway<AccessGrantCommand, AccessGrant, AccessGrantEvent> grants,
    AccessGrantDecider decider,
    EmployeeFiles employees,
    AccessRequirements requirements,
    BusinessCalendar calendar,
    IRecordArchive archive,
    PolicyPack pack,
    TimeProvider clock)
{
    public sealed record CompletionInput(string? EmployeeEmail, string? CourseId, string? CompletedOn);

    public sealed record Recorded(string EmployeeEmail, string CourseId, DateOnly CompletedOn, bool Changed, int GrantsUpdated);

    /// <summary>Checks one completion; the reason it is refused, or null. The same rules for the form, the API and each CSV row.</summary>
    public string? Check(string? email, string? course, string? completedOn, out Completion? completion, int row = 0)
    {
        completion = null;
        var why = Problems(email, course, completedOn).Values.FirstOrDefault();
        if (why is not null) return why;
        completion = new Completion(row, AccessRequirements.EmployeeKey(email)!, requirements.Course(course)!.Id, ParseDate(completedOn)!.Value);
        return null;
    }

    /// <summary>Every field's problem at once, in form order, so a person fixes them in one go.</summary>
    private Dictionary<string, string> Problems(string? email, string? course, string? completedOn)
    {
        var problems = new Dictionary<string, string>(StringComparer.Ordinal);
        if (AccessRequirements.EmployeeKey(email) is null)
            problems["employeeEmail"] = string.IsNullOrWhiteSpace(email) ? "No employee email." : $"'{Clip(email!)}' is not an email address.";
        if (requirements.Course(course) is null)
            problems["courseId"] = string.IsNullOrWhiteSpace(course) ? "No course." : $"Unknown course '{Clip(course!)}': use one of {string.Join(", ", requirements.Policy.Courses.Select(x => x.Id))}.";
        var today = calendar.LocalDate(clock.GetUtcNow());
        if (ParseDate(completedOn) is not { } day)
            problems["completedOn"] = string.IsNullOrWhiteSpace(completedOn) ? "No completion date." : $"'{Clip(completedOn!)}' is not a date; use YYYY-MM-DD.";
        else if (day > today)
            problems["completedOn"] = $"Completed on {day:yyyy-MM-dd} is in the future (today is {today:yyyy-MM-dd}).";
        return problems;
    }

    /// <summary>An administrator records one completion (Albuquerque 5.1).</summary>
    public async Task<(Recorded? Done, Dictionary<string, string[]> Errors)> RecordAsync(DurableTaskClient client, CompletionInput input, string by, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(input);
        var errors = new Dictionary<string, string[]>(StringComparer.Ordinal);
        if (Check(input.EmployeeEmail, input.CourseId, input.CompletedOn, out var completion) is not null)
        {
            foreach (var (field, why) in Problems(input.EmployeeEmail, input.CourseId, input.CompletedOn)) errors[field] = [why];
            return (null, errors);
        }
        var (recorded, _, updated) = await ApplyAsync(client, completion!.EmployeeKey, [completion], $"recorded by {by}", ct);
        return (new Recorded(completion.EmployeeKey, completion.CourseId, completion.CompletedOn, recorded > 0, updated), errors);
    }

    /// <summary>
    /// Records an employee's completions that are newer than those on file and tells each of the employee's
    /// grants. Grants are told before the file is written: if we stop in between, the next import finds
    /// the rows new and tells them again, which decides nothing twice.
    /// </summary>
    private async Task<(int Recorded, int AlreadyOnFile, int GrantsUpdated)> ApplyAsync(
        DurableTaskClient client, string employeeKey, IReadOnlyList<Completion> rows, string source, CancellationToken ct)
    {
        for (var attempt = 1; ; attempt++)
        {
            var file = await employees.ReadAsync(employeeKey, ct);
            var newer = rows.Where(r => !file.Completions.TryGetValue(r.CourseId, out var known) || r.CompletedOn > known.CompletedOn).ToList();
            if (newer.Count == 0) return (0, rows.Count, 0);
            var now = clock.GetUtcNow();
            var updated = 0;
            foreach (var g in file.Grants)
                updated += await TellAsync(client, g.GrantId, newer, now, ct);
            try
            {
                await employees.SaveAsync(file, newer.Select(n => (n.CourseId, n.CompletedOn)), source, now, ct);
                return (newer.Count, rows.Count - newer.Count, updated);
            }
            catch (RequestFailedException e) when (e.Status is 409 or 412 && attempt < 5)
            {
                // Another import wrote this employee's file since we read it: read again.
            }
        }
    }

    /// <summary>
    /// Tells one grant the completions in turn; only those its decider would act on are sent, since each
    /// send waits on the grant's step (a course another tool requires, or a grant that ended, costs one read).
    /// </summary>
    private async Task<int> TellAsync(DurableTaskClient client, string grantId, IReadOnlyList<Completion> completions, DateTimeOffset now, CancellationToken ct)
    {
        if (await grants.LoadAsync(grantId, includeEvents: false, ct) is not { } current) return 0;
        var (state, updated) = (current.State, 0);
        foreach (var c in completions)
        {
            var command = new AccessGrantCommand.RecordTraining(c.CourseId, c.CompletedOn, now);
            if (decider.Decide(command, state).Count == 0) continue;
            var d = await grants.SendAsync(client, grantId, command, ct);
            state = d.State;
            if (d.Changed) updated++;
        }
        return updated;
    }

    private static readonly string[] DateFormats = ["yyyy-MM-dd", "M/d/yyyy", "yyyy/MM/dd"];

    /// <summary>YYYY-MM-DD (also M/D/YYYY as US learning systems export it), or a date-time with offset, read as the city's day.</summary>
    private DateOnly? ParseDate(string? value)
    {
        var v = value?.Trim();
        if (string.IsNullOrEmpty(v)) return null;
        if (DateOnly.TryParseExact(v, DateFormats, CultureInfo.InvariantCulture, DateTimeStyles.None, out var day)) return day.Year >= 1990 ? day : null;
        if (v.Contains('T', StringComparison.Ordinal) && DateTimeOffset.TryParse(v, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var at))
            return calendar.LocalDate(at);
        return null;
    }

    private static string Clip(string s) => s.Length > 60 ? s[..60] + "…" : s;
}
