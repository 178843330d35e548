using System.Text.Json;
using AIWorkflows.App.Web;
using AIWorkflows.App.Workflows;
using Azure;
using Microsoft.AspNetCore.Http;
using Microsoft.Azure.Functions.Worker;
using Microsoft.Extensions.DependencyInjection;
using Moq;

namespace AIWorkflows.App.Tests.Web;

/// <summary>
/// The worker middleware that answers an HTTP function's failure in Azure as the local host does (the Functions host
/// cannot run here, so it is driven through the seam the worker gives it: a <see cref="FunctionContext"/> whose items
/// hold the request's HttpContext, as the ASP.NET Core integration leaves them).
/// </summary>
public sealed class ProblemResponsesMiddlewareTests
{
    [Fact]
    public async Task AnApiFunctionThatFindsStorageOut_IsA503Problem_WithRetryAfter_AndTheSecurityHeaders()
    {
        var http = Http("/api/requests");

        await new ProblemResponsesMiddleware().Invoke(Context(http), _ => throw new RequestFailedException(503, "Server busy"));

        Assert.Equal(503, http.Response.StatusCode);
        Assert.Equal("5", http.Response.Headers.RetryAfter.ToString());
        Assert.Equal("nosniff", http.Response.Headers.XContentTypeOptions.ToString());
        using var problem = JsonDocument.Parse(Body(http));
        Assert.Equal(503, problem.RootElement.GetProperty("status").GetInt32());
        Assert.StartsWith("application/problem+json", http.Response.ContentType, StringComparison.Ordinal);
    }

    [Fact]
    public async Task APageFunctionThatFails_IsA500Page_NamingOnlyTheTraceId()
    {
        var http = Http("/requests/new");
        http.Request.Headers.Accept = "text/html,application/xhtml+xml";
        http.TraceIdentifier = "trace-42";

        await new ProblemResponsesMiddleware().Invoke(Context(http), _ => throw new InvalidOperationException("secret detail"));

        Assert.Equal(500, http.Response.StatusCode);
        Assert.StartsWith("text/html", http.Response.ContentType, StringComparison.Ordinal);
        var page = Body(http);
        Assert.Contains("trace-42", page, StringComparison.Ordinal);
        Assert.DoesNotContain("secret detail", page, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AnInstanceThatDoesNotAnswerInTime_IsA503_ThatSaysTheRequestWaitsItsTurn()
    {
        var http = Http("/api/tasks/t/decision");

        await new ProblemResponsesMiddleware().Invoke(Context(http), _ => throw new WorkflowBusyException("busy"));

        Assert.Equal(503, http.Response.StatusCode);
        Assert.Contains("waits its turn", Body(http), StringComparison.Ordinal);
    }

    [Fact]
    public async Task AFunctionWithoutARequest_AnOrchestrationOrActivity_HasItsFailureLeftToTheEngine()
    {
        var context = new Mock<FunctionContext>();
        context.SetupGet(c => c.Items).Returns(new Dictionary<object, object>());

        await Assert.ThrowsAsync<InvalidOperationException>(() =>
            new ProblemResponsesMiddleware().Invoke(context.Object, _ => throw new InvalidOperationException("activity failed")));
    }

    [Fact]
    public async Task AFunctionThatSucceeds_IsLeftAsItAnswered()
    {
        var http = Http("/api/policy");

        await new ProblemResponsesMiddleware().Invoke(Context(http), _ => Task.CompletedTask);

        Assert.Equal(200, http.Response.StatusCode);
        Assert.Equal("", Body(http));
    }

    private static DefaultHttpContext Http(string path)
    {
        var services = new ServiceCollection().AddLogging().AddProblemDetails().BuildServiceProvider();
        var http = new DefaultHttpContext { RequestServices = services };
        http.Request.Path = path;
        http.Response.Body = new MemoryStream();
        return http;
    }

    // Where the ASP.NET Core integration keeps the request (FunctionContext.GetHttpContext reads it there).
    private static FunctionContext Context(HttpContext http)
    {
        var context = new Mock<FunctionContext>();
        context.SetupGet(c => c.Items).Returns(new Dictionary<object, object> { ["HttpRequestContext"] = http });
        return context.Object;
    }

    private static string Body(HttpContext http)
    {
        http.Response.Body.Position = 0;
        return new StreamReader(http.Response.Body).ReadToEnd();
    }
}
