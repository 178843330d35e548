using AIWorkflows.Domain.Deciding;
using AIWorkflows.Domain.Reassessments;
using AIWorkflows.Domain.Tests.ToolApprovals;
using static AIWorkflows.Domain.Reassessments.ToolLifecycleCommand;

namespace AIWorkflows.Domain.Tests.Reassessments;

internal static class ToolLifecycleSpec
{
    public static readonly ToolLifecycleDecider D = new(TestPack.Pack);

    public static readonly DateTimeOffset Now = TestPack.Now;

    public const string Owner = "owner@city.example";

    public static ToolProfile Profile(string tier = "high") => new(
        "tool-1", "req-1", "Transcribe", "Acme", "Utilities", "Transcribe meetings", "Clerk reviews", ["pii"], false, true,
        "assistive", "production", tier, Owner, [], [], "approval", null);

    public static ToolLifecycle Given(params IEnumerable<ToolLifecycleCommand> commands)
    {
        var state = D.Initial;
        foreach (var c in commands) state = D.Fold(state, D.Decide(c, state));
        return state;
    }

    public static (IReadOnlyList<ToolLifecycleEvent> Events, ToolLifecycle State) When(ToolLifecycle state, ToolLifecycleCommand command)
    {
        var events = D.Decide(command, state);
        return (events, D.Fold(state, events));
    }

    public static Register Registered(string tier = "high") => new(Profile(tier), null, Now);

    public static ToolLifecycle.InService InService(ToolLifecycle s) => Assert.IsType<ToolLifecycle.InService>(s);

    /// <summary>The timer the current schedule set for <paramref name="kind"/>, fired at its due time.</summary>
    public static Deadline Due(ToolLifecycle state, LifecycleDeadline kind, TimeSpan late = default)
    {
        var sc = InService(state).Schedule;
        var at = kind switch { LifecycleDeadline.Open => sc.OpenAt, LifecycleDeadline.Escalate => sc.EscalateAt, _ => sc.SuspendAt };
        return new Deadline(kind, sc.Cycle, at, at + late);
    }

    public static ToolLifecycle Opened() { var s = Given(Registered()); return Given([Registered(), Due(s, LifecycleDeadline.Open)]); }

    public static Attest AttestBy(ToolLifecycle s, string by = Owner) =>
        new(InService(s).Open!.OwnerTaskId, by, "Used daily by 4 clerks", "none", "none", InService(s).Open!.OpenedAt.AddDays(2));

    public static CompleteReassessment Complete(ToolLifecycle s, ReassessmentOutcome outcome = ReassessmentOutcome.Continue, string? tier = null) =>
        new(InService(s).Open!.OfficerTaskId!, "aio@city.example", outcome, tier, "Reviewed", InService(s).Open!.OpenedAt.AddDays(5));
}
