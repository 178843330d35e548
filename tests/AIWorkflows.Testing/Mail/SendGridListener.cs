using System.Collections.Concurrent;
using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;

namespace AIWorkflows.Testing.Mail;

/// <summary>
/// Stands in for api.sendgrid.com: a real Kestrel listener on a free 127.0.0.1 port that records
/// each <c>POST /v3/mail/send</c> and answers with <see cref="Status"/>.
/// </summary>
public sealed class SendGridListener : IAsyncDisposable
{
    private readonly WebApplication _app;

    private SendGridListener(WebApplication app) => _app = app;

    public sealed record Received(string Path, string? Authorization, JsonElement Body);

    public ConcurrentQueue<Received> Requests { get; } = new();

    public int Status { get; set; } = StatusCodes.Status202Accepted;

    public string ErrorBody { get; set; } = """{"errors":[{"message":"simulated failure"}]}""";

    public string BaseUrl => _app.Urls.Single();

    public static async Task<SendGridListener> StartAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        var app = builder.Build();
        var listener = new SendGridListener(app);
        app.MapPost("/v3/mail/send", async (HttpRequest request) =>
        {
            var body = await JsonSerializer.DeserializeAsync<JsonElement>(request.Body);
            listener.Requests.Enqueue(new Received(request.Path, request.Headers.Authorization, body));
            return listener.Status < 300
                ? Results.StatusCode(listener.Status)
                : Results.Content(listener.ErrorBody, "application/json", statusCode: listener.Status);
        });
        await app.StartAsync();
        return listener;
    }

    public async ValueTask DisposeAsync() => await _app.DisposeAsync();
}
