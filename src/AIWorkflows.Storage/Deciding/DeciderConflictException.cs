namespace AIWorkflows.Storage.Deciding;

/// <summary>A command lost the ETag race more times than <see cref="DeciderStoreOptions.MaxAttempts"/> allows.</summary>
public sealed class DeciderConflictException : Exception
{
    public DeciderConflictException()
    {
    }

    public DeciderConflictException(string message)
        : base(message)
    {
    }

    public DeciderConflictException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
