namespace AIWorkflows.App.Tokens;

/// <summary>
/// What a signed link grants: act on <paramref name="TaskId"/> of workflow
/// <paramref name="InstanceId"/> as <paramref name="Subject"/> (a reviewer's email or an
/// organization id) until <paramref name="ExpiresAt"/> (unix seconds).
/// </summary>
public sealed record TaskTokenPayload(string Purpose, string InstanceId, string TaskId, string Subject, long ExpiresAt)
{
    public DateTimeOffset ExpiresAtTime => DateTimeOffset.FromUnixTimeSeconds(ExpiresAt);
}
