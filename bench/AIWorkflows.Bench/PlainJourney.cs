using System.Text.Json.Nodes;
using AIWorkflows.Storage.Counting;
using AIWorkflows.Testing;

namespace AIWorkflows.Bench;

/// <summary>
/// Benchmark 1 on the plain app: the same high-tier approval (submit, the director, then the three other
/// reviewers through their emailed links) and one re-assessment cycle of the tool it registers, step by
/// step. The plain app answers each POST before its orchestration acts, so a step ends when the
/// orchestration shows it has acted (its custom status or runtime status in the backend's Instances
/// table, read by the bench and not counted), not when the POST returns.
/// </summary>
internal static class PlainJourney
{
    // Durable timers run on the real clock, so the plain app's first re-assessment is brought to a few
    // seconds after the approval: the owner is asked 14 days ahead of a due date 14 days and this much on.
    private static readonly TimeSpan AskAfter = TimeSpan.FromSeconds(8);

    /// <summary>How the plain app does the approval and how its steps are measured, for the report.</summary>
    public const string Method =
        "its starter validates the request and starts the orchestration; the orchestration writes the status row, mails the requester and the "
        + "director (an activity each, awaited in turn), waits for the director's review (an external event raised by an HTTP function, which first "
        + "reads the instance's status as the Functions host's client does), mails the other three together (fan-out) and waits for their three "
        + "reviews, then writes the decision record (a blob), the status row, the register line, starts the tool's eternal re-assessment orchestration "
        + "(an activity with the Durable client) and mails the outcome. Its progress is the orchestration's custom status, so a step ends when the "
        + "backend's Instances row shows the orchestration has acted (read by the bench, uncounted), plus half a second for the episode's message "
        + "deletes. Its re-assessment is a durable timer on the real clock, set here to fire 8 s after the approval (so the first step includes the "
        + "engine's polling while it waits), two mails, the attestation and the review as events, the record blob, the register line and "
        + "`ContinueAsNew`. It has no reminders, escalation, submission record, holds or planned-tool line, all of which ours has: a feature-equal "
        + "plain app would cost more, not less.";

    public sealed record Step(string Name, StorageTransactionSnapshot App, StorageTransactionSnapshot Durable);

    public static async Task<(List<Step> Approval, List<Step> Reassessment, string Id)> RunAsync(AzuriteFixture azurite)
    {
        await using var plain = await PlainBenchApp.StartAsync(azurite, new Dictionary<string, string?>
        {
            ["Plain:ReassessEvery"] = (TimeSpan.FromDays(14) + AskAfter).ToString("c"),
            ["Plain:AskAhead"] = TimeSpan.FromDays(14).ToString("c"),
        });
        var steps = new List<Step>();
        async Task StepAsync(string name, Func<Task> act)
        {
            var (appBefore, durableBefore) = (plain.Counter.Snapshot(), plain.Durable.Snapshot());
            await act();
            steps.Add(new Step(name, plain.Counter.Since(appBefore), plain.Durable.Since(durableBefore)));
        }
        bool Custom(string custom, string text) => custom.Contains(text, StringComparison.Ordinal);

        string id = "", toolId = "";
        await StepAsync("submit (API)", async () =>
        {
            var created = JsonNode.Parse(await plain.PostJsonAsync("/api/requests", AppClient.HighRiskRequest()))!;
            (id, toolId) = ((string)created["id"]!, (string)created["toolId"]!);
            await plain.WaitForAsync(id, (_, c) => Custom(c, "awaiting director"));
        });
        string[] after = ["awaiting aio, iso, cityattorney", "awaiting iso, cityattorney", "awaiting cityattorney"];
        var decided = new HashSet<int>();
        var reviewed = 0;
        for (var round = 0; round < 3; round++)
        {
            var open = plain.Mail().Where(m => m.Subject.StartsWith("Decision needed", StringComparison.Ordinal) && decided.Add(m.Seq)).ToList();
            foreach (var mail in open)
            {
                var waitFor = reviewed < after.Length ? after[reviewed] : null;
                reviewed++;
                await StepAsync($"review: {mail.To.Split('@')[0]}", async () =>
                {
                    await plain.PostJsonAsync(mail.LinkPath("/reviews/"), new { decision = "approve", comments = "ok" });
                    if (waitFor is not null) await plain.WaitForAsync(id, (_, c) => Custom(c, waitFor));
                    else
                    {
                        // The last review: the outcome's effects, then the tool's eternal orchestration asleep on its timer.
                        await plain.WaitForAsync(id, (s, _) => s == "Completed");
                        await plain.WaitForAsync(ReassessId(toolId), (s, c) => s == "Running" && Custom(c, "cycle 1: asleep"));
                    }
                });
            }
        }
        if (reviewed != 4 || plain.Mail().Count(m => m.Subject.StartsWith("Request approved", StringComparison.Ordinal)) != 1)
            throw new InvalidOperationException($"The plain app's approval did not end approved after {reviewed} reviews.");
        var approval = steps.ToList();
        steps.Clear();

        await StepAsync("durable timer fires, re-assessment opens (2 mails)", () =>
            plain.WaitForAsync(ReassessId(toolId), (_, c) => Custom(c, "cycle 1: awaiting attestation"), TimeSpan.FromSeconds(120)));
        var attest = plain.Mail().Single(m => m.Subject.StartsWith("Re-assessment of", StringComparison.Ordinal));
        await StepAsync("owner attests", async () =>
        {
            await plain.PostJsonAsync(attest.LinkPath("/attest"), new { use = "Daily by 4 supervisors", dataChanges = "none", incidentsSince = "none" });
            await plain.WaitForAsync(ReassessId(toolId), (_, c) => Custom(c, "cycle 1: awaiting review"));
        });
        var review = plain.Mail().Single(m => m.Subject.StartsWith("Review the re-assessment", StringComparison.Ordinal));
        await StepAsync("AI officer completes the review (record, register, ContinueAsNew)", async () =>
        {
            await plain.PostJsonAsync(review.LinkPath("/review"), new { outcome = "continue", comments = "Controls verified" });
            await plain.WaitForAsync(ReassessId(toolId), (_, c) => Custom(c, "cycle 2: asleep"));
        });
        return (approval, steps, id);
    }

    private static string ReassessId(string toolId) => $"reassess-{toolId}";
}
