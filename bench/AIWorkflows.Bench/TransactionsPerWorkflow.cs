using System.Net;
using AIWorkflows.App.Tests.Fixtures;
using AIWorkflows.Storage.Counting;
using AIWorkflows.Storage.Tests.Fixtures;

namespace AIWorkflows.Bench;

/// <summary>
/// Benchmark 1: storage transactions (billed requests, counted in the SDK pipeline) of one complete
/// high-tier approval and of one quarterly re-assessment, step by step, with what each step touched.
/// </summary>
internal static class TransactionsPerWorkflow
{
    public const int Target = 20;

    // Measured with this benchmark on the code before the fixes of issue 10 (commit 6fa01a2), step by step.
    private static readonly Dictionary<string, long> Before = new(StringComparer.Ordinal)
    {
        ["submit (API)"] = 12, ["review: director.utilities"] = 5, ["review: aio"] = 1, ["review: iso"] = 1, ["review: cityattorney"] = 16,
        ["sweep: the approval's review timers fire (stale)"] = 7, ["**approval total**"] = 42,
        ["sweep: re-assessment opens (2 mails)"] = 9, ["owner attests"] = 6, ["AI officer completes the review"] = 15,
        ["sweep: the cycle's timers fire (stale)"] = 4, ["**re-assessment total**"] = 34,
    };

    private const string Fixes =
        "What changed (before → after, in `src/AIWorkflows.Storage` and the app's effect handlers):\n\n"
        + "- A new instance is added without reading it first (`DeciderStore.HandleNewAsync`): a submission with a random id, a record whose blobs "
        + "were just created, the tool an approval registers. If it exists after all, the add fails and the command is decided on a fresh read.\n"
        + "- The timer effects of one commit are written together, one transaction per due-hour partition (`IBatchEffectHandler`), not one each.\n"
        + "- The due timers of one instance are delivered together: the first is decided on a fresh read, the others on what it left in memory "
        + "(`DeciderStore.DeliverAllAsync`), so four stale review reminders cost one read, not four.\n"
        + "- The record rendered after a commit reads the request's history from what this process just wrote (`HistoryCache`), and the record's "
        + "index sync uses the state this process just committed (`LoadKnownAsync`), instead of reading both again.\n"
        + "- A register row this process wrote last is replaced under the ETag it got back (one transaction) instead of add → 409 → read → replace (three).\n"
        + "- An instance created inside another's effect (a record kept, the tool an approval registers) runs its own effects first, when every one of them "
        + "may safely run again (timers not due within the outbox lease, the version-guarded register row, the record's index row), and then commits "
        + "with no outbox rows (`DeciderStore.HandleNewInEffectAsync`): the caller's outbox row covers a crash, and the outbox delete is saved.\n"
        + "- A stale timer of a final request (approved, rejected, withdrawn) is decided on the state this process holds, without a read (`IDecider.IsFinal`: a final state never changes).\n"
        + "- A re-assessment link checks its task on the state this process knows, and reads only to confirm a refusal.\n\n"
        + "What is left, and why it is not less: each commit that sends mail pays the delete of its outbox rows once the mail is sent (the outbox is "
        + "what makes mail survive a crash; SendGrid has no idempotency key, so a mail cannot be sent before its commit); each record is its blobs "
        + "(the decision record keeps the HTML it was made as, beside the JSON, each with its stored hash), its index row and a read of the tool's "
        + "holds (which closes the race with a hold being placed while the record is kept); the tool is its commit, its register row and its "
        + "re-assessment timer; and the sweep that finds the stale reminders pays its query and, once an hour, its cursor write, which it makes "
        + "every 5 minutes whether anything is due or not (benchmark 2). A next step would keep each tool's holds in the partition of its records' "
        + "index rows, so the index write checks them in the same transaction (−2 per approval), a migration of the records tables left for later.\n";

    public static async Task RunAsync(AzuriteFixture azurite, Report report)
    {
        await using var bench = await BenchApp.StartAsync(azurite);
        var (app, http) = (bench.App, bench.Http);
        await http.SweepAsync(); // a process's one-time first sweep (cursor, recovery scan)

        var steps = new List<(string Step, StorageTransactionSnapshot Cost)>();
        async Task Step(string name, Func<Task> act)
        {
            var before = app.Counter.Snapshot();
            await act();
            steps.Add((name, app.Counter.Since(before)));
        }

        string id = "", toolId = "";
        await Step("submit (API)", async () =>
        {
            var created = await http.SubmitAsync(AppClient.HighRiskRequest());
            (id, toolId) = ((string)created["id"]!, (string)created["toolId"]!);
        });
        var decided = new HashSet<int>();
        for (var round = 0; round < 5; round++)
        {
            var open = bench.Mail().Where(m => m.Subject.Contains("Decision needed", StringComparison.Ordinal) && decided.Add(m.Seq)).ToList();
            if (open.Count == 0) break;
            foreach (var mail in open)
                await Step($"review: {mail.To.Split('@')[0]}", () => Post(http, mail.LinkPath("/tasks/"), ("decision", "approve"), ("comments", "ok")));
        }
        var approved = await http.GetRequestAsync(id);
        if ((string)approved["status"]! != "approved") throw new InvalidOperationException($"The request ended {approved["status"]}, not approved.");
        var approvedAt = app.Clock.GetUtcNow();
        // The review deadlines set during the approval fire later and find nothing to do: part of its cost.
        app.Clock.Advance(TimeSpan.FromDays(40));
        await Step("sweep: the approval's review timers fire (stale)", () => http.SweepAsync());
        var approvalSteps = steps.ToList();
        steps.Clear();

        // High tier: quarterly; the owner is asked 14 days ahead of the due date.
        app.Clock.SetUtcNow(approvedAt.AddMonths(3).AddDays(-14));
        await Step("sweep: re-assessment opens (2 mails)", () => http.SweepAsync());
        var attest = bench.Mail().Single(m => m.Subject.Contains("Re-assessment of", StringComparison.Ordinal));
        await Step("owner attests", () => Post(http, attest.LinkPath("/reassess/"), ("use", "Daily by 4 supervisors"), ("dataChanges", "none"), ("incidentsSince", "none")));
        var review = bench.Mail().Single(m => m.Subject.Contains("Review the re-assessment", StringComparison.Ordinal));
        await Step("AI officer completes the review", () => Post(http, review.LinkPath("/reassess/"), ("outcome", "continue"), ("tier", "high"), ("comments", "Controls verified")));
        app.Clock.Advance(TimeSpan.FromDays(40));
        await Step("sweep: the cycle's timers fire (stale)", () => http.SweepAsync());
        var reassessSteps = steps.ToList();

        var approval = approvalSteps.Sum(s => s.Cost.Total);
        var reassessment = reassessSteps.Sum(s => s.Cost.Total);
        report.Target("1. transactions per workflow", "one high-tier approval (submit, 4 reviews, outcome, records, 6 mails)", $"{approval} (before: {Before["**approval total**"]})", $"≤ {Target}", approval <= Target);
        report.Target("1. transactions per workflow", "one re-assessment cycle", $"{reassessment} (before: {Before["**re-assessment total**"]})", "—", null);
        report.Section("1. Storage transactions per workflow",
            $"Request `{id}` (tool `{toolId}`), Sacramento pack, high tier: the department director, then the AI officer, security officer and city attorney "
            + "decide through their emailed links (mail through the SendGrid client to a local listener). Every storage request the app makes is counted "
            + "(the SDK pipeline counter, retries included), page views excluded.\n\n"
            + Report.Table(["step", "before", "transactions", "what (method, table/container ×count)"],
                approvalSteps.Select(s => Row(s.Step, s.Cost.Total, s.Cost))
                    .Append(Row("**approval total**", approval, Sum(approvalSteps)))
                    .Concat(reassessSteps.Select(s => Row(s.Step, s.Cost.Total, s.Cost)))
                    .Append(Row("**re-assessment total**", reassessment, Sum(reassessSteps))))
            + "\n" + Fixes);
    }

    private static string[] Row(string step, long total, StorageTransactionSnapshot cost)
    {
        var bold = step.StartsWith("**", StringComparison.Ordinal);
        var before = Before.TryGetValue(step, out var b) ? (bold ? $"**{b}**" : $"{b}") : "—";
        return [step, before, bold ? $"**{total}**" : $"{total}", Report.Breakdown(cost)];
    }

    private static StorageTransactionSnapshot Sum(IEnumerable<(string, StorageTransactionSnapshot Cost)> steps)
    {
        var total = new Dictionary<StorageOperation, long>();
        foreach (var (_, cost) in steps)
            foreach (var (op, n) in cost.ByOperation) total[op] = total.GetValueOrDefault(op) + n;
        return new StorageTransactionSnapshot(total.Values.Sum(), total);
    }

    private static async Task Post(HttpClient http, string path, params (string, string)[] fields)
    {
        using var response = await http.PostFormAsync(path, fields);
        if (response.StatusCode != HttpStatusCode.OK)
            throw new InvalidOperationException($"POST {path.Split('?')[0][..Math.Min(20, path.Length)]}… answered {(int)response.StatusCode}.");
    }
}
