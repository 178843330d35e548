using Microsoft.Extensions.Options;

namespace AIWorkflows.App.Tokens;

/// <summary>Refuses start-up with a missing, short or non-base64 key; messages never echo the key.</summary>
public sealed class TaskTokenOptionsValidator : IValidateOptions<TaskTokenOptions>
{
    public const int MinimumKeyBytes = 32;

    public ValidateOptionsResult Validate(string? name, TaskTokenOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var failures = new List<string>();
        if (string.IsNullOrWhiteSpace(options.SigningKey))
            failures.Add("Tokens:SigningKey is required (base64, at least 32 bytes).");
        else if (!IsKey(options.SigningKey))
            failures.Add("Tokens:SigningKey must be base64 of at least 32 bytes.");

        for (var i = 0; i < options.PreviousKeys.Count; i++)
        {
            if (!IsKey(options.PreviousKeys[i]))
                failures.Add($"Tokens:PreviousKeys:{i} must be base64 of at least 32 bytes.");
        }
        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }

    internal static bool IsKey(string? base64) => TryDecode(base64, out _);

    internal static bool TryDecode(string? base64, out byte[] key)
    {
        key = [];
        if (string.IsNullOrWhiteSpace(base64))
            return false;
        var buffer = new byte[base64.Length];
        if (!Convert.TryFromBase64String(base64.Trim(), buffer, out var written) || written < MinimumKeyBytes)
            return false;
        key = buffer[..written];
        return true;
    }
}
