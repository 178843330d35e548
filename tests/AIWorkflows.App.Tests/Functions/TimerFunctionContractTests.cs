using System.Net;
using System.Text;
using System.Text.Json.Nodes;
using AIWorkflows.App.Functions;
using AIWorkflows.App.Tests.Fixtures;
using AIWorkflows.Storage.Tests.Fixtures;
using Azure.Data.Tables;

namespace AIWorkflows.App.Tests.Functions;

/// <summary>
/// The custom-handler contract the Functions host relies on: a timer invocation at /{FunctionName}
/// answers application/json {"Outputs":{},"Logs":[...],"ReturnValue":null}, 2xx when the sweep ran
/// and non-2xx when it failed; and GET / answers 200 (the host's readiness probe).
/// </summary>
[Collection(OnAzurite.Name)]
public class TimerFunctionContractTests(AzuriteFixture azurite)
{
    private static void AssertInvocationShape(HttpResponseMessage response, JsonObject body)
    {
        Assert.Equal("application/json", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal(["Outputs", "Logs", "ReturnValue"], body.Select(p => p.Key));
        Assert.Empty(Assert.IsType<JsonObject>(body["Outputs"]));
        Assert.All(Assert.IsType<JsonArray>(body["Logs"]), log => Assert.False(string.IsNullOrWhiteSpace(log!.GetValue<string>())));
        Assert.Null(body["ReturnValue"]);
    }

    private static string Log(JsonObject body) => Assert.Single(body["Logs"]!.AsArray())!.GetValue<string>();

    [Fact]
    public async Task APastDueInvocationWithNoScheduleStatus_RunsTheSweep_AndAnswersTheInvocationShape()
    {
        await using var app = new AIWorkflowsApp(azurite);
        using var http = app.Http();

        var (response, body) = await TimerPayloads.InvokeAsync(http, AppTimers.Sweep.FunctionName, TimerPayloads.PastDue(AppTimers.Sweep.FunctionName));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        AssertInvocationShape(response, body);
        Assert.Matches("^Sweep delivered 0 timers, 0 failed, recovered 0 effects \\(past due: caught up\\)\\.$", Log(body));
    }

    [Fact]
    public async Task EveryTimerInCode_IsServedAtItsFunctionName()
    {
        await using var app = new AIWorkflowsApp(azurite);
        using var http = app.Http();

        foreach (var timer in AppTimers.All)
        {
            var (response, body) = await TimerPayloads.InvokeAsync(http, timer.FunctionName, TimerPayloads.OnSchedule(timer.FunctionName));

            Assert.True(response.StatusCode == HttpStatusCode.OK, $"{timer.FunctionName}: {(int)response.StatusCode}");
            AssertInvocationShape(response, body);
            Assert.DoesNotContain("past due", Log(body), StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task AReminderComingDue_IsDeliveredByTheHostsTimerInvocation()
    {
        await using var app = new AIWorkflowsApp(azurite);
        using var http = app.Http();
        await http.SubmitAsync(AppClient.HighRiskRequest());

        // Three business days after Mon 23 Nov 09:00 Pacific, with the Thanksgiving holidays, end Mon 30 Nov.
        app.Clock.Advance(TimeSpan.FromDays(7));
        var (response, body) = await TimerPayloads.InvokeAsync(http, AppTimers.Sweep.FunctionName, TimerPayloads.OnSchedule(AppTimers.Sweep.FunctionName));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Matches("^Sweep delivered [1-9][0-9]* timers, 0 failed", Log(body));
        Assert.Contains(await http.MailAsync(), m => m.Subject.Contains("Reminder", StringComparison.Ordinal));
    }

    [Fact]
    public async Task AFailedSweep_Answers500_WithTheSameShape_SoTheHostRecordsAFailure()
    {
        var prefix = AzuriteFixture.NewTablePrefix();
        await using var app = new AIWorkflowsApp(azurite, settings: new Dictionary<string, string?> { ["Storage:TablePrefix"] = prefix });
        using var http = app.Http();
        // Storage goes away under the running app: the timers table the sweep reads is gone.
        await new TableServiceClient(azurite.ConnectionString).DeleteTableAsync(prefix + "Timers");

        var (response, body) = await TimerPayloads.InvokeAsync(http, AppTimers.Sweep.FunctionName, TimerPayloads.PastDue(AppTimers.Sweep.FunctionName));

        Assert.Equal(HttpStatusCode.InternalServerError, response.StatusCode);
        AssertInvocationShape(response, body);
        Assert.StartsWith("Sweep failed: ", Log(body), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("")]
    [InlineData("not json")]
    [InlineData("[1, 2]")]
    [InlineData("""{"Data": {"timer": "yes"}}""")]
    public async Task AnUnreadableBody_StillRunsTheSweep(string payload)
    {
        await using var app = new AIWorkflowsApp(azurite);
        using var http = app.Http();

        using var response = await http.PostAsync($"/{AppTimers.Sweep.FunctionName}", new StringContent(payload, Encoding.UTF8, "application/json"));
        var body = JsonNode.Parse(await response.Content.ReadAsStringAsync())!.AsObject();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        AssertInvocationShape(response, body);
    }

    [Theory]
    [InlineData("/")]
    [InlineData("/api/healthz")]
    public async Task TheReadinessPaths_Answer200(string path)
    {
        await using var app = new AIWorkflowsApp(azurite);
        using var http = app.Http();

        using var response = await http.GetAsync(path);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }
}
