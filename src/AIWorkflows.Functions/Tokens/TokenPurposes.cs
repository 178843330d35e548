namespace AIWorkflows.App.Tokens;

/// <summary>
/// What a token may be used for. A token issued for one purpose is refused for another, so a
/// reviewer's task link can never be replayed as a union response link.
/// </summary>
public static class TokenPurposes
{
    public const string Task = "task";
    public const string Union = "union";
}
