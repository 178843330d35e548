using System.Diagnostics;
using AIWorkflows.App.Tests.Fixtures;
using AIWorkflows.Testing;
using Xunit.Abstractions;
using static AIWorkflows.Testing.AccessGrants.AccessClient;

namespace AIWorkflows.App.Tests.AccessGrants;

/// <summary>
/// An import reaches every waiting grant: each completion is a command to the employee's grant
/// orchestration, sent for several employees at once, so the file's time is not the sum of its grants' steps.
/// </summary>
[Collection(OnAzurite.Name)]
public class TrainingImportScaleTests(AzuriteFixture azurite, ITestOutputHelper output)
{
    private const int Employees = 16;

    [Fact]
    public async Task AnImportForManyWaitingGrants_TellsEachGrant_AndTakesSeconds()
    {
        await using var app = new AIWorkflowsApp(azurite);
        using var http = app.Http();
        using var admin = app.As(Admin);
        var toolId = await RegisterToolAsync(app);
        var employees = Enumerable.Range(1, Employees).Select(i => $"clerk.{i:00}@cityofsacramento.example").ToList();
        await Parallel.ForEachAsync(employees, new ParallelOptions { MaxDegreeOfParallelism = 4 }, async (e, _) => await http.RequestAccessAsync(toolId, e));

        var took = Stopwatch.StartNew();
        var report = await admin.ImportAsync(Csv([
            "employee_email,course,completed_on",
            .. employees.SelectMany(e => new[] { $"{e},ai_policy_lms,2026-11-20", $"{e},genai_authorized_use,2026-11-20" })]));
        took.Stop();
        output.WriteLine($"Imported {Employees * 2} completions for {Employees} waiting grants in {took.Elapsed.TotalSeconds:F1} s");

        Assert.Equal(Employees * 2, (int)report["recorded"]!);
        Assert.Equal(Employees * 2, (int)report["grantsUpdated"]!);
        using var officer = app.As(Officer);
        var waiting = await officer.GrantsAsync($"toolId={toolId}&status=pending");
        Assert.Equal(Employees, waiting.Count);
        Assert.All(waiting, g => Assert.DoesNotContain(g!["missing"].Strings(), m => m.Contains("course", StringComparison.Ordinal)));
    }
}
