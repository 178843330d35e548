using System.Text.Json;

namespace AIWorkflows.App.Functions;

/// <summary>
/// What the Functions host POSTs for a timer trigger:
/// <c>{"Data":{"timer":{"Schedule":{"AdjustForDST":true},"ScheduleStatus":null|{"Last","Next","LastUpdated"},"IsPastDue":bool}},
/// "Metadata":{"sys":{"MethodName","UtcNow","RandGuid"}}}</c>. The sweep runs whatever the body says
/// (the work to do is in storage, not in the payload), so an unreadable body is not an error.
/// </summary>
public sealed record TimerInvocation(bool IsPastDue, string? InvocationId)
{
    public const int MaxBodyBytes = 64 * 1024;

    public static async Task<TimerInvocation> ReadAsync(HttpRequest request, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(request);
        var invocationId = request.Headers["X-Azure-Functions-InvocationId"].FirstOrDefault();
        if (request.ContentLength is 0 or > MaxBodyBytes)
            return new TimerInvocation(false, invocationId);
        try
        {
            using var body = await JsonDocument.ParseAsync(request.Body, cancellationToken: ct);
            var pastDue = body.RootElement.ValueKind == JsonValueKind.Object
                && body.RootElement.TryGetProperty("Data", out var data) && data.ValueKind == JsonValueKind.Object
                && data.TryGetProperty(FunctionsManifest.TimerBindingName, out var timer) && timer.ValueKind == JsonValueKind.Object
                && timer.TryGetProperty(nameof(IsPastDue), out var flag) && flag.ValueKind == JsonValueKind.True;
            return new TimerInvocation(pastDue, invocationId);
        }
        catch (JsonException)
        {
            return new TimerInvocation(false, invocationId);
        }
    }
}
