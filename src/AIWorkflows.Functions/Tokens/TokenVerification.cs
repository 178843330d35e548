namespace AIWorkflows.App.Tokens;

/// <summary>The outcome of checking a token: only <see cref="Valid"/> grants anything.</summary>
public abstract record TokenVerification
{
    public sealed record Valid(TaskTokenPayload Payload) : TokenVerification;

    /// <summary>Not a token we could have issued (bad encoding, truncated, unknown version).</summary>
    public sealed record Malformed : TokenVerification;

    /// <summary>Well-formed, but no current or previous key signed it.</summary>
    public sealed record Forged : TokenVerification;

    /// <summary>Genuine but past its expiry; the payload lets a page say which task the link was for.</summary>
    public sealed record Expired(TaskTokenPayload Payload) : TokenVerification;

    /// <summary>Genuine, but issued for another purpose (e.g. a union link used as a task link).</summary>
    public sealed record WrongPurpose(string Purpose) : TokenVerification;

    private TokenVerification() { }
}
