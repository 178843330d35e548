using System.Security.Cryptography;
using Microsoft.Extensions.Options;

namespace AIWorkflows.App.Tokens;

/// <summary>
/// Issues and checks the signed, expiring tokens in emailed links (reviewer task links, union
/// response links). A token proves who may act on which task until when; whether the task is
/// still open (the link "spent") is the workflow's state, not the token's. Tokens are sealed
/// (encrypted and authenticated) with a key derived from the signing key, so the reviewer's address and
/// the request id in them are not readable from the link (<see cref="TaskTokenCodec"/>).
/// </summary>
public sealed partial class TaskTokenService
{
    private readonly byte[] _signingKey;
    private readonly byte[][] _verificationKeys;
    private readonly byte[][] _sealingKeys;
    private readonly TimeProvider _clock;
    private readonly ILogger _log;

    public TaskTokenService(IOptions<TaskTokenOptions> options, TimeProvider clock, ILogger<TaskTokenService>? log = null)
    {
        _log = (ILogger?)log ?? Microsoft.Extensions.Logging.Abstractions.NullLogger.Instance;
        ArgumentNullException.ThrowIfNull(options);
        var value = options.Value;
        // Start-up validation has already checked the keys; this guards direct construction.
        if (!TaskTokenOptionsValidator.TryDecode(value.SigningKey, out _signingKey))
            throw new OptionsValidationException(nameof(TaskTokenOptions), typeof(TaskTokenOptions), ["Tokens:SigningKey is missing or invalid."]);
        var previous = value.PreviousKeys
            .Select(k => TaskTokenOptionsValidator.TryDecode(k, out var key)
                ? key
                : throw new OptionsValidationException(nameof(TaskTokenOptions), typeof(TaskTokenOptions), ["Tokens:PreviousKeys holds an invalid key."]));
        _verificationKeys = [_signingKey, .. previous];
        _sealingKeys = [.. _verificationKeys.Select(SealingKey)];
        _clock = clock;
    }

    /// <summary>
    /// A key for another keyed derivation (HKDF of the signing key, one per <paramref name="purpose"/>): as secret as
    /// the signing key, and telling nothing about it or about another purpose's key.
    /// </summary>
    public byte[] DerivedKey(string purpose)
    {
        ArgumentException.ThrowIfNullOrEmpty(purpose);
        return HKDF.DeriveKey(HashAlgorithmName.SHA256, _signingKey, 32, salt: [], info: System.Text.Encoding.UTF8.GetBytes(purpose));
    }

    public string Issue(string purpose, string instanceId, string taskId, string subject, DateTimeOffset expiresAt) =>
        Issue(new TaskTokenPayload(purpose, instanceId, taskId, subject, expiresAt.ToUnixTimeSeconds()));

    public string Issue(TaskTokenPayload payload)
    {
        ArgumentNullException.ThrowIfNull(payload);
        ArgumentException.ThrowIfNullOrEmpty(payload.Purpose);
        ArgumentException.ThrowIfNullOrEmpty(payload.InstanceId);
        ArgumentException.ThrowIfNullOrEmpty(payload.TaskId);
        ArgumentException.ThrowIfNullOrEmpty(payload.Subject);

        var body = TaskTokenCodec.EncodeBody(payload);
        var token = new byte[1 + TaskTokenCodec.NonceLength + body.Length + TaskTokenCodec.TagLength];
        token[0] = TaskTokenCodec.SealedVersion;
        var nonce = token.AsSpan(1, TaskTokenCodec.NonceLength);
        RandomNumberGenerator.Fill(nonce);
        using var aes = new AesGcm(_sealingKeys[0], TaskTokenCodec.TagLength);
        aes.Encrypt(nonce, body, token.AsSpan(1 + TaskTokenCodec.NonceLength, body.Length), token.AsSpan(token.Length - TaskTokenCodec.TagLength), token.AsSpan(0, 1));
        return TaskTokenCodec.ToText(token);
    }

    // One key per signing key, so rotating the signing key rotates this too; HKDF keeps the two apart.
    private static byte[] SealingKey(byte[] signingKey) =>
        HKDF.DeriveKey(HashAlgorithmName.SHA256, signingKey, 32, salt: [], info: "task-link-sealing"u8.ToArray());

    /// <summary>
    /// Checks a token. Every refusal is logged with its reason and the token's length, never the
    /// token itself: a log reader must not be able to replay a link.
    /// </summary>
    public TokenVerification Verify(string? token, string expectedPurpose)
    {
        var result = Check(token, expectedPurpose);
        if (result is not TokenVerification.Valid)
            Refused(_log, result.GetType().Name, expectedPurpose, token?.Length ?? 0);
        return result;
    }

    [LoggerMessage(LogLevel.Warning, "Link refused: {Reason} (expected purpose {Purpose}, token length {Length})")]
    private static partial void Refused(ILogger logger, string reason, string purpose, int length);

    private TokenVerification Check(string? token, string expectedPurpose)
    {
        if (!TaskTokenCodec.TryFromText(token, out var bytes) || bytes.Length == 0)
            return new TokenVerification.Malformed();
        byte[] body;
        if (bytes[0] == TaskTokenCodec.SealedVersion && bytes.Length > 1 + TaskTokenCodec.NonceLength + TaskTokenCodec.TagLength)
        {
            if (Unseal(bytes) is not { } opened)
                return new TokenVerification.Forged();
            body = opened;
        }
        // A link mailed before tokens were sealed: signed, in clear.
        else if (bytes[0] == TaskTokenCodec.Version && bytes.Length > TaskTokenCodec.MacLength + 1)
        {
            body = bytes[..^TaskTokenCodec.MacLength];
            if (!SignedByAnyKey(body, bytes.AsSpan(body.Length)))
                return new TokenVerification.Forged();
        }
        else
        {
            return new TokenVerification.Malformed();
        }

        // Only our own keys seal or sign, so this fails only if we issued garbage.
        if (!TaskTokenCodec.TryDecodeBody(body, out var payload))
            return new TokenVerification.Malformed();
        if (!string.Equals(payload.Purpose, expectedPurpose, StringComparison.Ordinal))
            return new TokenVerification.WrongPurpose(payload.Purpose);
        if (_clock.GetUtcNow().ToUnixTimeSeconds() >= payload.ExpiresAt)
            return new TokenVerification.Expired(payload);
        return new TokenVerification.Valid(payload);
    }

    private byte[]? Unseal(byte[] token)
    {
        var nonce = token.AsSpan(1, TaskTokenCodec.NonceLength);
        var sealedBody = token.AsSpan(1 + TaskTokenCodec.NonceLength, token.Length - 1 - TaskTokenCodec.NonceLength - TaskTokenCodec.TagLength);
        var tag = token.AsSpan(token.Length - TaskTokenCodec.TagLength);
        var body = new byte[sealedBody.Length];
        byte[]? opened = null;
        // Every key is tried even after one opens it: the time taken says nothing about which key sealed it.
        foreach (var key in _sealingKeys)
        {
            using var aes = new AesGcm(key, TaskTokenCodec.TagLength);
            try
            {
                aes.Decrypt(nonce, sealedBody, tag, body, token.AsSpan(0, 1));
                opened ??= [.. body];
            }
            catch (AuthenticationTagMismatchException)
            {
                // Not this key's, or changed on the way.
            }
        }
        return opened;
    }

    private bool SignedByAnyKey(ReadOnlySpan<byte> body, ReadOnlySpan<byte> mac)
    {
        Span<byte> expected = stackalloc byte[TaskTokenCodec.MacLength];
        var signed = false;
        // Every key is tried even after a match: the time taken says nothing about which key signed.
        foreach (var key in _verificationKeys)
        {
            HMACSHA256.HashData(key, body, expected);
            signed |= CryptographicOperations.FixedTimeEquals(expected, mac);
        }
        return signed;
    }
}
