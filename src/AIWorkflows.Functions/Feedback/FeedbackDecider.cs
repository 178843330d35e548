using AIWorkflows.Domain.Deciding;
using static AIWorkflows.App.Feedback.FeedbackCommand;
using static AIWorkflows.App.Feedback.FeedbackEvent;

namespace AIWorkflows.App.Feedback;

/// <summary>
/// Receives a comment once: the same form sent twice (a double click, a refresh) is the same instance
/// and decides nothing the second time, so the AI officer gets one mail.
/// </summary>
public sealed class FeedbackDecider : IDecider<FeedbackCommand, PublicFeedback, FeedbackEvent>
{
    public PublicFeedback Initial { get; } = new PublicFeedback.None();

    public IReadOnlyList<FeedbackEvent> Decide(FeedbackCommand command, PublicFeedback state) => (command, state) switch
    {
        (Submit s, PublicFeedback.None) => [new FeedbackReceived(s.Note, s.Now)],
        _ => [],
    };

    /// <summary>A received comment is kept and sent once; nothing changes it after, so its orchestration ends there.</summary>
    public bool IsFinal(PublicFeedback state) => state is PublicFeedback.Received;

    // Waits on no deadline: Deadlines is the interface's none.

    public PublicFeedback Evolve(PublicFeedback state, FeedbackEvent happened) => (state, happened) switch
    {
        (PublicFeedback.None, FeedbackReceived e) => new PublicFeedback.Received(e.Note),
        _ => state,
    };
}
