namespace AIWorkflows.App.Feedback;

/// <summary>Section "Feedback": how many comments one address may send per window (city default: 5 per 10 minutes).</summary>
public sealed class FeedbackOptions
{
    public const string Section = "Feedback";

    public int PermitLimit { get; set; } = 5;

    public TimeSpan Window { get; set; } = TimeSpan.FromMinutes(10);

    public void Validate()
    {
        if (PermitLimit < 1) throw new InvalidOperationException("Feedback:PermitLimit must be at least 1.");
        if (Window <= TimeSpan.Zero) throw new InvalidOperationException("Feedback:Window must be a positive time span, e.g. 00:10:00.");
    }
}
