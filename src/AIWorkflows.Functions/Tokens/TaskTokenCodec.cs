using System.Buffers.Binary;
using System.Buffers.Text;
using System.Text;
using System.Text.Unicode;

namespace AIWorkflows.App.Tokens;

/// <summary>
/// The token's bytes, kept binary so a link stays short (~130-180 URL-safe characters), base64url
/// without padding. The body is <c>1 | expiresAt(8, big-endian unix seconds) | 4 × field</c>; a field is
/// <c>0x00 len(1) utf8</c>, or <c>0x01</c> + 16 bytes for a canonical lower-case GUID, which is how
/// workflow instance ids are usually spelled. A token is the body sealed with AES-GCM:
/// <c>2 | nonce(12) | ciphertext | tag(16)</c>, so a link's text shows no address or id (issue 19: links
/// are seen by proxies and kept in browser histories). Tokens issued before that are the body in clear
/// with its HMAC-SHA256(32) after it, and are still read until they expire.
/// </summary>
internal static class TaskTokenCodec
{
    public const byte Version = 1;
    public const byte SealedVersion = 2;
    public const int MacLength = 32;
    public const int NonceLength = 12;
    public const int TagLength = 16;
    public const int MaxFieldBytes = byte.MaxValue;
    public const int MaxTokenChars = 1024;

    private const byte TextField = 0;
    private const byte GuidField = 1;
    private const int GuidBytes = 16;

    public static byte[] EncodeBody(TaskTokenPayload p)
    {
        var body = new List<byte>(128) { Version };
        Span<byte> expires = stackalloc byte[8];
        BinaryPrimitives.WriteInt64BigEndian(expires, p.ExpiresAt);
        body.AddRange(expires);
        foreach (var field in new[] { p.Purpose, p.InstanceId, p.TaskId, p.Subject })
            WriteField(body, field);
        return [.. body];
    }

    public static bool TryDecodeBody(ReadOnlySpan<byte> body, out TaskTokenPayload payload)
    {
        payload = null!;
        if (body.Length < 9 || body[0] != Version)
            return false;
        var expiresAt = BinaryPrimitives.ReadInt64BigEndian(body[1..9]);
        var rest = body[9..];
        var fields = new string[4];
        for (var i = 0; i < fields.Length; i++)
        {
            if (!TryReadField(ref rest, out fields[i]))
                return false;
        }
        if (!rest.IsEmpty || fields[0].Length == 0)
            return false;
        payload = new TaskTokenPayload(fields[0], fields[1], fields[2], fields[3], expiresAt);
        return true;
    }

    public static string ToText(ReadOnlySpan<byte> token) => Base64Url.EncodeToString(token);

    /// <summary>Decodes only the one canonical spelling: whitespace, padding or stray low bits are refused.</summary>
    public static bool TryFromText(string? text, out byte[] token)
    {
        token = [];
        if (string.IsNullOrEmpty(text) || text.Length > MaxTokenChars)
            return false;
        var buffer = new byte[Base64Url.GetMaxDecodedLength(text.Length)];
        if (Base64Url.DecodeFromChars(text, buffer, out var consumed, out var written) != System.Buffers.OperationStatus.Done
            || consumed != text.Length)
            return false;
        token = buffer[..written];
        // Several strings decode to the same bytes (ignored whitespace, non-zero padding bits);
        // accepting only the re-encoding means any change to the link is a different token.
        return string.Equals(ToText(token), text, StringComparison.Ordinal);
    }

    private static void WriteField(List<byte> body, string value)
    {
        if (Guid.TryParseExact(value, "D", out var guid) && string.Equals(guid.ToString("D"), value, StringComparison.Ordinal))
        {
            body.Add(GuidField);
            body.AddRange(guid.ToByteArray(bigEndian: true));
            return;
        }
        var bytes = Encoding.UTF8.GetBytes(value);
        if (bytes.Length > MaxFieldBytes)
            throw new ArgumentException($"A token field may hold at most {MaxFieldBytes} UTF-8 bytes.", nameof(value));
        body.Add(TextField);
        body.Add((byte)bytes.Length);
        body.AddRange(bytes);
    }

    private static bool TryReadField(ref ReadOnlySpan<byte> rest, out string value)
    {
        value = "";
        if (rest.IsEmpty)
            return false;
        switch (rest[0])
        {
            case GuidField when rest.Length >= 1 + GuidBytes:
                value = new Guid(rest.Slice(1, GuidBytes), bigEndian: true).ToString("D");
                rest = rest[(1 + GuidBytes)..];
                return true;
            case TextField when rest.Length >= 2 && rest.Length >= 2 + rest[1]:
                var text = rest.Slice(2, rest[1]);
                if (!Utf8.IsValid(text))
                    return false;
                value = Encoding.UTF8.GetString(text);
                rest = rest[(2 + text.Length)..];
                return true;
            default:
                return false;
        }
    }
}
