using AIWorkflows.Domain.Deciding;
using AIWorkflows.Domain.ToolApprovals;
using static AIWorkflows.Domain.ToolApprovals.ToolApprovalCommand;
using static AIWorkflows.Domain.ToolApprovals.ToolApprovalEvent;

namespace AIWorkflows.Domain.Tests.ToolApprovals;

/// <summary>Given / When / Then over the real decider: history in, events out.</summary>
internal static class ToolApprovalSpec
{
    public static ToolApprovalDecider D => TestPack.Decider;

    public static DateTimeOffset Now => TestPack.Now;

    public static ToolApproval Given(params IEnumerable<ToolApprovalCommand> commands)
    {
        var state = D.Initial;
        foreach (var c in commands) state = D.Fold(state, D.Decide(c, state));
        return state;
    }

    public static (IReadOnlyList<ToolApprovalEvent> Events, ToolApproval State) When(ToolApproval state, ToolApprovalCommand command)
    {
        var events = D.Decide(command, state);
        return (events, D.Fold(state, events));
    }

    public static Submit SubmitLow(bool publicFacing = false) => new("req-1", "tool-1", TestPack.Form(publicFacing: publicFacing), Now);

    public static Submit SubmitHigh() => new("req-1", "tool-1", TestPack.Form(pii: true), Now);

    public static RecordReview Review(string role, Verdict verdict, int round = 1, string? email = null, string comments = "ok", int dayOffset = 0) =>
        new($"{role}-{round}", email ?? Email(role), verdict, comments, Now.AddDays(dayOffset));

    public static string Email(string role) => role == "department_director" ? "director.utilities@city.example" : $"{role}@city.example";

    public static ToolApproval HighThroughDirector() =>
        Given(SubmitHigh(), Review("department_director", Verdict.Approve));

    public static ToolApproval HighAllApproved() => Given(
        SubmitHigh(), Review("department_director", Verdict.Approve), Review("ai_officer", Verdict.Approve),
        Review("security_officer", Verdict.Approve), Review("city_attorney", Verdict.Approve));

    public static ToolApproval LowInRemediation() =>
        Given(SubmitLow(), Review("ai_officer", Verdict.RequestRemediation, comments: "Document human review"));

    public static ToolApproval LowRejected() => Given(SubmitLow(), Review("ai_officer", Verdict.Reject, comments: "No"));

    public static ToolApproval LowWithdrawn() => Given(SubmitLow(), new Withdraw("requester@city.example", "Changed plans", Now));

    public static T Single<T>(IReadOnlyList<ToolApprovalEvent> events) where T : ToolApprovalEvent => Assert.Single(events.OfType<T>());
}
