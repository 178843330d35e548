using AIWorkflows.Domain.Deciding;
using AIWorkflows.Domain.ToolApprovals;
using static AIWorkflows.Domain.Tests.ToolApprovals.ToolApprovalSpec;
using static AIWorkflows.Domain.ToolApprovals.ToolApprovalCommand;

namespace AIWorkflows.Domain.Tests.ToolApprovals;

/// <summary>Every (state, command) pair, so no combination is left to chance.</summary>
public class ToolApprovalMatrixTests
{
    private static readonly Dictionary<string, ToolApproval> States = new()
    {
        ["none"] = D.Initial,
        ["in_review"] = HighThroughDirector(),
        ["remediation"] = Given(SubmitHigh(), Review("department_director", Verdict.Approve), Review("ai_officer", Verdict.RequestRemediation)),
        ["union_notice"] = Given(new Submit("req-1", "tool-1", TestPack.Form(affectsWork: true), Now), Review("ai_officer", Verdict.Approve)),
        ["approved"] = HighAllApproved(),
        ["rejected"] = Given(SubmitHigh(), Review("department_director", Verdict.Approve), Review("city_attorney", Verdict.Reject)),
        ["withdrawn"] = Given(SubmitHigh(), Review("department_director", Verdict.Approve), new Withdraw("requester@city.example", "x", Now)),
    };

    private static readonly Dictionary<string, ToolApprovalCommand> Commands = new()
    {
        ["submit"] = SubmitHigh(),
        ["review"] = Review("security_officer", Verdict.Approve, dayOffset: 1),
        ["resubmit"] = new Resubmit("requester@city.example", "fixed", null, Now.AddDays(2)),
        ["withdraw"] = new Withdraw("requester@city.example", "no longer needed", Now.AddDays(2)),
        ["deadline"] = Reminder(),
        ["union_cleared"] = new UnionCleared("union-1", Now.AddDays(20)),
    };

    private static ReviewDeadline Reminder()
    {
        var task = HighThroughDirector().CaseOrNull!.Task("security_officer-1")!;
        return new ReviewDeadline(task.TaskId, DeadlineKind.Reminder, task.RemindAt, task.RemindAt);
    }

    // Which pairs decide something; every other pair must decide nothing.
    private static readonly HashSet<(string, string)> Accepted =
    [
        ("none", "submit"),
        ("in_review", "review"), ("in_review", "withdraw"), ("in_review", "deadline"),
        ("remediation", "review"), ("remediation", "resubmit"), ("remediation", "withdraw"),
        ("union_notice", "withdraw"), ("union_notice", "union_cleared"),
    ];

    public static TheoryData<string, string> Pairs()
    {
        var data = new TheoryData<string, string>();
        foreach (var s in States.Keys)
            foreach (var c in Commands.Keys)
                data.Add(s, c);
        return data;
    }

    [Theory]
    [MemberData(nameof(Pairs))]
    public void EveryStateAndCommand_DecidesOnlyWhereThePolicyAllows(string state, string command)
    {
        var before = States[state];
        Assert.Equal(state, before.Status);

        var events = D.Decide(Commands[command], before);

        Assert.Equal(Accepted.Contains((state, command)), events.Count > 0);
        var after = D.Fold(before, events);
        Assert.Equal(events.Count == 0, ReferenceEquals(before, after));
    }
}
