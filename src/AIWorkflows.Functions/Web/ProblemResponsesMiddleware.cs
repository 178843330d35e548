using Microsoft.Azure.Functions.Worker;
using Microsoft.Azure.Functions.Worker.Middleware;

namespace AIWorkflows.App.Web;

/// <summary>
/// In Azure, what <see cref="ProblemResponses.UseProblemResponses"/> is on the local host: an HTTP function that
/// throws would otherwise get the worker's bare 500 (no problem+json, no page, and no Retry-After when storage is
/// out). It answers in place, as the function would have; the ASP.NET Core integration then finds no result to run.
/// </summary>
public sealed class ProblemResponsesMiddleware : IFunctionsWorkerMiddleware
{
    public async Task Invoke(FunctionContext context, FunctionExecutionDelegate next)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(next);
        try
        {
            await next(context);
        }
        catch (Exception e) when (context.GetHttpContext() is { Response.HasStarted: false })
        {
            var http = context.GetHttpContext()!;
            http.Response.Clear();
            await ProblemResponses.AnswerFailureAsync(http, e);
        }
    }
}
