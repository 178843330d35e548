using System.Text.Json.Serialization;

namespace AIWorkflows.App.Feedback;

// A resident's comment on a tool in the public register (Albuquerque 6.7: a public feedback form for
// questions and suggestions), kept as a record and sent to the AI officer. One instance per comment.

[JsonPolymorphic(TypeDiscriminatorPropertyName = "shape")]
[JsonDerivedType(typeof(None), "none")]
[JsonDerivedType(typeof(Received), "received")]
public abstract record PublicFeedback
{
    public sealed record None : PublicFeedback;

    public sealed record Received(FeedbackNote Note) : PublicFeedback;

    private PublicFeedback() { }
}

/// <summary>What the person wrote, about which tool; name and email are optional.</summary>
public sealed record FeedbackNote(
    string FeedbackId, string ToolId, string ToolName, string Department, string? Name, string? Email, string Comment, DateTimeOffset At);

[JsonPolymorphic(TypeDiscriminatorPropertyName = "command")]
[JsonDerivedType(typeof(Submit), "submit")]
public abstract record FeedbackCommand(DateTimeOffset Now)
{
    public sealed record Submit(FeedbackNote Note, DateTimeOffset Now) : FeedbackCommand(Now);
}

[JsonPolymorphic(TypeDiscriminatorPropertyName = "event")]
[JsonDerivedType(typeof(FeedbackReceived), "received")]
public abstract record FeedbackEvent(DateTimeOffset At)
{
    public sealed record FeedbackReceived(FeedbackNote Note, DateTimeOffset At) : FeedbackEvent(At);
}
