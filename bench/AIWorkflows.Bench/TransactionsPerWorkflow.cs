using System.Net;
using AIWorkflows.LocalHost.Durable;
using AIWorkflows.Storage.Counting;
using AIWorkflows.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace AIWorkflows.Bench;

/// <summary>
/// Benchmark 1: storage transactions (billed requests, counted in the SDK pipeline) of one complete
/// high-tier approval and of one quarterly re-assessment, step by step, with what each step touched:
/// the app's own requests and the Durable engine's (its control and work-item queues, History and
/// Instances tables, lease blobs), each counted by its own counter, beside the first engine's figures.
/// </summary>
internal static class TransactionsPerWorkflow
{
    // The first engine (DeciderStore with its outbox, timer table and sweep), as this benchmark last
    // measured it before the engine was removed (bench/results/latest.md of that run).
    private const long FirstEngineApproval = 25, FirstEngineReassessment = 23;

    private const string Notes =
        "How to read it: the Durable column includes the engine's background polling during the step's wall time (the engine runs as host.json "
        + "configures it in Azure: after each burst of work its pollers back off toward the ceiling, so a step pays a few polls), "
        + "so it grows with how long a step takes, not only with what it does. Each step of an orchestration is: the work item dequeued "
        + "(control queue), the history read and appended (History table), the instance row updated (Instances table), the activity's message "
        + "sent and received (work-item queue), and the activity's result back (control queue). A new instance adds its start message and instance "
        + "row; a timer adds its message. The app's own column is the read model (state and events in one batch per step), records (blobs, index "
        + "row, the tool's holds), the register row and the wake row; mail goes to SendGrid, not storage.\n";

    public static async Task RunAsync(AzuriteFixture azurite, Report report)
    {
        // The engine as Azure runs it (host.json, the backend's lease timings), as the plain app runs its defaults.
        var bench = await BenchApp.StartAsync(azurite, AzureDurableSettings.FromHostJson().AsLocalDurable());
        List<(string Step, StorageTransactionSnapshot App, StorageTransactionSnapshot Durable)> approvalSteps, reassessSteps;
        string id = "", toolId = "";
        try
        {
            var (app, http) = (bench.App, bench.Http);
            await http.SweepAsync(); // a process's first sweep (the engine's instance query warms up)
            var durable = app.Services.GetRequiredKeyedService<StorageTransactionCounter>(LocalDurableOptions.CounterKey);

            var steps = new List<(string Step, StorageTransactionSnapshot App, StorageTransactionSnapshot Durable)>();
            async Task Step(string name, Func<Task> act)
            {
                var (appBefore, durableBefore) = (app.Counter.Snapshot(), durable.Snapshot());
                await act();
                steps.Add((name, app.Counter.Since(appBefore), durable.Since(durableBefore)));
            }

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
            // Forty days on, the sweep finds nothing of the approval's to do (its instance finished with it).
            app.Clock.Advance(TimeSpan.FromDays(40));
            await Step("sweep 40 days on (nothing due)", () => http.SweepAsync());
            approvalSteps = steps.ToList();
            steps.Clear();

            // High tier: quarterly; the owner is asked 14 days ahead of the due date.
            app.Clock.SetUtcNow(approvedAt.AddMonths(3).AddDays(-14));
            await Step("sweep: the tool wakes, its re-assessment opens (2 mails)", () => http.SweepAsync());
            var attest = bench.Mail().Single(m => m.Subject.Contains("Re-assessment of", StringComparison.Ordinal));
            await Step("owner attests", () => Post(http, attest.LinkPath("/reassess/"), ("use", "Daily by 4 supervisors"), ("dataChanges", "none"), ("incidentsSince", "none")));
            var review = bench.Mail().Single(m => m.Subject.Contains("Review the re-assessment", StringComparison.Ordinal));
            await Step("AI officer completes the review", () => Post(http, review.LinkPath("/reassess/"), ("outcome", "continue"), ("tier", "high"), ("comments", "Controls verified")));
            app.Clock.Advance(TimeSpan.FromDays(40));
            await Step("sweep 40 days on (nothing due)", () => http.SweepAsync());
            reassessSteps = steps.ToList();
        }
        finally
        {
            await bench.DisposeAsync(); // ours stops before the plain app starts: one app's polling at a time
        }
        var (approvalApp, approvalDurable) = (approvalSteps.Sum(s => s.App.Total), approvalSteps.Sum(s => s.Durable.Total));
        var (reassessApp, reassessDurable) = (reassessSteps.Sum(s => s.App.Total), reassessSteps.Sum(s => s.Durable.Total));

        // The same journey on the plain Durable Functions app, in the same Azurite (its own prefix and task hub).
        var plain = await PlainJourney.RunAsync(azurite);
        var (plainApproval, plainReassess) = (Sum(plain.Approval.Select(s => s.App)), Sum(plain.Reassessment.Select(s => s.App)));
        var (plainApprovalDurable, plainReassessDurable) = (Sum(plain.Approval.Select(s => s.Durable)), Sum(plain.Reassessment.Select(s => s.Durable)));
        var approvalTotal = approvalApp + approvalDurable;
        var approvalPlain = plainApproval.Total + plainApprovalDurable.Total;
        var reassessTotal = reassessApp + reassessDurable;
        var reassessPlain = plainReassess.Total + plainReassessDurable.Total;

        report.Target("1. transactions per workflow", "one high-tier approval (submit, 4 reviews, outcome, records, 6 mails): app + Durable engine",
            $"{approvalTotal} ({approvalApp} + {approvalDurable}); plain app: {approvalPlain}; first engine: {FirstEngineApproval}",
            "≤ 0.5 × plain", approvalTotal <= 0.5 * approvalPlain);
        report.Target("1. transactions per workflow", "one re-assessment cycle: app + Durable engine",
            $"{reassessTotal} ({reassessApp} + {reassessDurable}); plain app: {reassessPlain}; first engine: {FirstEngineReassessment}", "—", null);
        report.Compare("transactions per high-tier approval", approvalTotal, approvalPlain, "F0", ("≤ 0.5", approvalTotal <= 0.5 * approvalPlain));
        report.Compare("transactions per re-assessment cycle", reassessTotal, reassessPlain, "F0", null);
        report.Figure("approval_tx", approvalTotal);
        report.Figure("approval_tx_plain", approvalPlain);
        report.Figure("reassessment_tx", reassessTotal);
        report.Figure("reassessment_tx_plain", reassessPlain);

        report.Section("1. Storage transactions per workflow",
            $"Request `{id}` (tool `{toolId}`), Sacramento pack, high tier: the department director, then the AI officer, security officer and city attorney "
            + "decide through their emailed links (mail through the SendGrid client to a local listener). Every storage request is counted "
            + "(the SDK pipeline counters, retries included): the app's own clients, and the Durable engine's (`AzureStorageOrchestrationService` "
            + $"on Azurite behind the local host's sidecar; host.json: {AzureDurableSettings.FromHostJson().Describe()}). Page views excluded.\n\n"
            + Report.Table(["step", "app", "Durable engine", "total", "what the app touched", "what the engine touched"],
                approvalSteps.Select(s => Row(s.Step, s.App, s.Durable))
                    .Append(Row("**approval total**", Sum(approvalSteps.Select(s => s.App)), Sum(approvalSteps.Select(s => s.Durable))))
                    .Concat(reassessSteps.Select(s => Row(s.Step, s.App, s.Durable)))
                    .Append(Row("**re-assessment total**", Sum(reassessSteps.Select(s => s.App)), Sum(reassessSteps.Select(s => s.Durable)))))
            + $"\nThe first engine (a state-stored decider store with an outbox, a timer table and a sweep; removed in issue 16) made "
            + $"{FirstEngineApproval} per approval and {FirstEngineReassessment} per re-assessment cycle, all of them the app's.\n\n" + Notes
            + $"\n**The plain Durable Functions app** (`bench/PlainApp`, default Durable settings: 4 partitions, 30 s polling ceiling), request `{plain.Id}`, "
            + "the same journey: " + PlainJourney.Method + "\n\n"
            + Report.Table(["step", "app", "Durable engine", "total", "what the app touched", "what the engine touched"],
                plain.Approval.Select(s => Row(s.Name, s.App, s.Durable))
                    .Append(Row("**approval total**", plainApproval, plainApprovalDurable))
                    .Concat(plain.Reassessment.Select(s => Row(s.Name, s.App, s.Durable)))
                    .Append(Row("**re-assessment total**", plainReassess, plainReassessDurable)))
            + "\nBy kind of request over the whole approval, ours: " + Report.ByKind(Sum(approvalSteps.Select(s => s.Durable)), Sum(approvalSteps.Select(s => s.App)))
            + "; plain: " + Report.ByKind(plainApprovalDurable, plainApproval) + ".\n");
    }

    private static string[] Row(string step, StorageTransactionSnapshot app, StorageTransactionSnapshot durable)
    {
        var bold = step.StartsWith("**", StringComparison.Ordinal);
        string N(long n) => bold ? $"**{n}**" : $"{n}";
        return [step, N(app.Total), N(durable.Total), N(app.Total + durable.Total), Report.Breakdown(app), Report.Breakdown(durable)];
    }

    private static StorageTransactionSnapshot Sum(IEnumerable<StorageTransactionSnapshot> costs)
    {
        var total = new Dictionary<StorageOperation, long>();
        foreach (var cost in costs)
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
