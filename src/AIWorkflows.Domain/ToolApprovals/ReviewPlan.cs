using System.Collections.Immutable;
using AIWorkflows.Domain.Calendar;
using AIWorkflows.Domain.Policy;
using static AIWorkflows.Domain.ToolApprovals.ToolApprovalEvent;

namespace AIWorkflows.Domain.ToolApprovals;

/// <summary>Turns the pack's review steps for a tier into review tasks with reviewers and business-day deadlines.</summary>
public sealed class ReviewPlan(PolicyPack pack, BusinessCalendar calendar)
{
    public IReadOnlyList<ReviewStep> Steps(string tier) => pack.Tier(tier).Reviews;

    public int FirstStage(string tier) => Steps(tier).Min(s => s.Stage);

    public int? NextStage(string tier, int after) =>
        Steps(tier).Where(s => s.Stage > after).Select(s => (int?)s.Stage).Min();

    public static string TaskId(string role, int round) => $"{role}-{round}";

    public ImmutableList<ReviewOpened> Open(
        IEnumerable<ReviewStep> steps, ToolRequestForm form, int round, DateTimeOffset now) =>
        steps.Select(step => new ReviewOpened(
            TaskId(step.Role, round), step.Role, step.Stage, round,
            ReviewerEmail(step.Role, form),
            step.EscalateTo, ReviewerEmail(step.EscalateTo, form),
            calendar.AddBusinessDays(now, step.ReminderAfterBusinessDays),
            calendar.AddBusinessDays(now, step.EscalateAfterBusinessDays),
            now)).ToImmutableList();

    public ReviewRescheduled Reschedule(ReviewTask task, string tier, DateTimeOffset now)
    {
        var step = Steps(tier).FirstOrDefault(s => s.Role == task.Role);
        var remind = step?.ReminderAfterBusinessDays ?? calendar.BusinessDaysBetween(task.OpenedAt, task.RemindAt);
        var escalate = step?.EscalateAfterBusinessDays ?? calendar.BusinessDaysBetween(task.OpenedAt, task.EscalateAt);
        return new ReviewRescheduled(task.TaskId, calendar.AddBusinessDays(now, remind), calendar.AddBusinessDays(now, escalate), now);
    }

    // Sacramento V.D.1: the director of the requesting department is engaged first, so the
    // department-director task goes to that department's director when the pack knows them.
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
