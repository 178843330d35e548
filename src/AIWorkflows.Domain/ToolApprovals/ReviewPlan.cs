using System.Collections.Immutable;
using AIWorkflows.Domain.Calendar;
using AIWorkflows.Domain.Policy;
using static AIWorkflows.Domain.ToolApprovals.ToolApprovalEvent;

namespace AIWorkflows.Domain.ToolApprovals;

/// <summary>Turns the pack's review steps for a tier into review tasks with reviewers and business-day deadlines.</summary>
public sealed class ReviewPlan(PolicyPack pack, BusinessCalendar calendar)
{
    /// <summary>
    /// A request's review steps: its tier's, then those its matched rubric rules add for roles the tier
    /// does not engage already (Sacramento VII.E: the CIO approves a publicly available system). The
    /// added steps come from the request's own history, so a pack edited later does not change them.
    /// </summary>
    public IReadOnlyList<ReviewStep> Steps(string tier, IEnumerable<TierReason> reasons)
    {
        ArgumentNullException.ThrowIfNull(reasons);
        var steps = pack.Tier(tier).Reviews;
        var added = reasons.SelectMany(r => r.Reviews ?? []).Where(a => steps.All(s => s.Role != a.Role)).DistinctBy(a => a.Role);
        return [.. steps, .. added];
    }

    public IReadOnlyList<ReviewStep> Steps(RequestCase c)
    {
        ArgumentNullException.ThrowIfNull(c);
        return Steps(c.Tier, c.TierReasons);
    }

    public static int FirstStage(IReadOnlyList<ReviewStep> steps) => steps.Min(s => s.Stage);

    public static int? NextStage(IReadOnlyList<ReviewStep> steps, int after) =>
        steps.Where(s => s.Stage > after).Select(s => (int?)s.Stage).Min();

    public static string TaskId(string role, int round) => $"{role}-{round}";

    public ImmutableList<ReviewOpened> Open(
        IEnumerable<ReviewStep> steps, ToolRequestForm form, int round, DateTimeOffset now) =>
        steps.Select(step => new ReviewOpened(
            TaskId(step.Role, round), step.Role, step.Stage, round,
            ReviewerEmail(step.Role, form),
            step.EscalateTo, ReviewerEmail(step.EscalateTo, form),
            calendar.AddBusinessDays(now, step.ReminderAfterBusinessDays),
            calendar.AddBusinessDays(now, step.EscalateAfterBusinessDays),
            now, step.Checklist, step.RecordClass)).ToImmutableList();

    public ReviewRescheduled Reschedule(ReviewTask task, IReadOnlyList<ReviewStep> steps, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(task);
        ArgumentNullException.ThrowIfNull(steps);
        var step = steps.FirstOrDefault(s => s.Role == task.Role);
        var remind = step?.ReminderAfterBusinessDays ?? calendar.BusinessDaysBetween(task.OpenedAt, task.RemindAt);
        var escalate = step?.EscalateAfterBusinessDays ?? calendar.BusinessDaysBetween(task.OpenedAt, task.EscalateAt);
        return new ReviewRescheduled(task.TaskId, calendar.AddBusinessDays(now, remind), calendar.AddBusinessDays(now, escalate), now);
    }

    // Sacramento V.D.1: the director of the requesting department is engaged first, so the
    // department-director task goes to that department's director when the pack knows them.
    /// <summary>The mailbox of a role for this request (a department's own director where the pack knows them).</summary>
    public string Email(string role, ToolRequestForm form) => ReviewerEmail(role, form);

    private string ReviewerEmail(string role, ToolRequestForm form)
    {
        if (role == "department_director")
        {
            var dept = pack.Departments.FirstOrDefault(d => string.Equals(d.Name, form.Department, StringComparison.OrdinalIgnoreCase));
            if (dept is not null) return dept.DirectorEmail;
        }
        return pack.Role(role).Email;
    }
}
