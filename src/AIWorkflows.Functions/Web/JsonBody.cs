using System.Text.Json;
using Microsoft.AspNetCore.Http.HttpResults;

namespace AIWorkflows.App.Web;

/// <summary>
/// Reads a JSON body ourselves so that every way it can be wrong becomes a 4xx problem that names
/// the field (wrong type, unknown field, bad JSON, too large) instead of a bare 400 or a 500.
/// </summary>
public static class JsonBody
{
    public const int MaxBytes = 64 * 1024;

    public sealed record Result<T>(T? Value, ProblemHttpResult? Problem);

    public static async Task<Result<T>> ReadAsync<T>(HttpRequest request, JsonSerializerOptions options, CancellationToken ct)
        where T : class
    {
        if (request.ContentLength > MaxBytes) return TooLarge<T>();
        if (request.ContentType is not { } type || !type.StartsWith("application/json", StringComparison.OrdinalIgnoreCase))
            return Fail<T>(StatusCodes.Status415UnsupportedMediaType, "Send JSON", "Use Content-Type: application/json.");
        using var buffer = new MemoryStream();
        var chunk = new byte[8192];
        int read;
        while ((read = await request.Body.ReadAsync(chunk, ct)) > 0)
        {
            if (buffer.Length + read > MaxBytes) return TooLarge<T>();
            buffer.Write(chunk, 0, read);
        }
        try
        {
            var value = JsonSerializer.Deserialize<T>(buffer.ToArray(), options);
            return value is null ? Fail<T>(400, "Empty body", "Send a JSON object.") : new(value, null);
        }
        catch (JsonException e)
        {
            var field = string.IsNullOrEmpty(e.Path) || e.Path == "$" ? "body" : e.Path.TrimStart('$', '.');
            return new(null, TypedResults.Problem(
                statusCode: 400, title: "The body is not valid JSON for this request",
                detail: $"Check '{field}': it is missing, of the wrong type, or not a field of this request.",
                extensions: new Dictionary<string, object?> { ["errors"] = new Dictionary<string, string[]> { [field] = ["Wrong type, unknown field or malformed JSON."] } }));
        }
    }

    private static Result<T> TooLarge<T>() where T : class =>
        Fail<T>(StatusCodes.Status413PayloadTooLarge, "The body is too large", $"Send at most {MaxBytes / 1024} KiB.");

    private static Result<T> Fail<T>(int status, string title, string detail) where T : class =>
        new(null, TypedResults.Problem(statusCode: status, title: title, detail: detail));
}
