using System.Net.Mail;
using System.Security.Cryptography;
using System.Text;
using AIWorkflows.App.Inventory;
using AIWorkflows.App.ToolApprovals;
using AIWorkflows.App.Workflows;
using Microsoft.DurableTask.Client;

namespace AIWorkflows.App.Feedback;

/// <summary>Checks and keeps a comment from the public on a tool in the register (Albuquerque 6.7).</summary>
public sealed class FeedbackService(
    WorkflowGateway<FeedbackCommand, PublicFeedback, FeedbackEvent> comments, PublicRegister register, TimeProvider clock)
{
    public const int MaxComment = 2000;

    public static IReadOnlyList<string> Fields { get; } = ["name", "email", "comment"];

    /// <param name="FormKey">The hidden per-form key: the same form sent twice is one comment.</param>
    public sealed record Input(string? Name, string? Email, string? Comment, string? FormKey);

    public abstract record Result
    {
        public sealed record Received(string FeedbackId) : Result;

        public sealed record Invalid(Dictionary<string, string[]> Errors) : Result;

        public sealed record NoSuchTool : Result;
    }

    public static bool IsFeedbackId(string? id) =>
        id is { Length: 25 } && id.StartsWith("feedback-", StringComparison.Ordinal) && id[9..].All(char.IsAsciiHexDigitLower);

    public async Task<Result> SubmitAsync(DurableTaskClient client, string toolId, Input input, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(input);
        if (await register.GetAsync(toolId, ct) is not { } tool) return new Result.NoSuchTool();
        var errors = new Dictionary<string, string[]>(StringComparer.Ordinal);
        var name = Optional(input.Name);
        if (name is { Length: > ToolRequestValidator.MaxShort }) errors["name"] = [$"Use at most {ToolRequestValidator.MaxShort} characters, or leave your name out."];
        else if (!Web.SingleLineText.IsValid(name)) errors["name"] = ["Remove control characters from your name."];
        var email = Optional(input.Email);
        if (email is not null && !(email.Length <= 200 && MailAddress.TryCreate(email, out var a) && a.Address == email))
            errors["email"] = ["Enter an email address like name@example.com, or leave it empty."];
        var comment = input.Comment?.Trim() ?? "";
        if (comment.Length == 0) errors["comment"] = ["Write your comment or question."];
        else if (comment.Length > MaxComment) errors["comment"] = [$"Use at most {MaxComment} characters (you used {comment.Length})."];
        else if (comment.Any(c => char.IsControl(c) && c is not ('\n' or '\r' or '\t'))) errors["comment"] = ["Remove control characters from your comment."];
        if (errors.Count > 0) return new Result.Invalid(errors);

        var id = FeedbackId(toolId, input.FormKey);
        var now = clock.GetUtcNow();
        var note = new FeedbackNote(id, tool.ToolId, tool.Name, tool.Department, name, email, comment, now);
        // The same form sent again is the same instance: answered with what it recorded, nothing sent twice.
        await comments.StartAsync(client, id, new FeedbackCommand.Submit(note, now), mayExist: true, ct);
        return new Result.Received(id);
    }

    // A well-formed form key names the comment, so a repeat of the same form is the same instance.
    private static string FeedbackId(string toolId, string? formKey)
    {
        var seed = formKey is { Length: >= 16 and <= 64 } k && k.All(char.IsAsciiLetterOrDigit)
            ? SHA256.HashData(Encoding.UTF8.GetBytes($"{toolId}\u001f{k}"))
            : RandomNumberGenerator.GetBytes(8);
        return "feedback-" + Convert.ToHexStringLower(seed)[..16];
    }

    private static string? Optional(string? v) => string.IsNullOrWhiteSpace(v) ? null : v.Trim();
}
