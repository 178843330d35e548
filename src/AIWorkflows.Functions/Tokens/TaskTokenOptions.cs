namespace AIWorkflows.App.Tokens;

/// <summary>Configuration section <c>Tokens</c>.</summary>
public sealed class TaskTokenOptions
{
    public const string Section = "Tokens";

    /// <summary>Base64 HMAC key, at least 32 bytes. Signs new tokens and verifies.</summary>
    public string? SigningKey { get; set; }

    /// <summary>Keys rotated out: still verify links already sent, never sign.</summary>
    public IList<string> PreviousKeys { get; } = [];

    /// <summary>A settings dump must never print the keys.</summary>
    public override string ToString() => $"{nameof(TaskTokenOptions)} {{ {PreviousKeys.Count} previous key(s) }}";
}
