using AIWorkflows.App.Tokens;
using CsCheck;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;

namespace AIWorkflows.App.Tests.Tokens;

public sealed class TaskTokenServiceTests
{
    private static readonly DateTimeOffset Now = new(2026, 3, 2, 9, 0, 0, TimeSpan.Zero);
    private static readonly string KeyA = Convert.ToBase64String(Enumerable.Range(1, 32).Select(i => (byte)i).ToArray());
    private static readonly string KeyB = Convert.ToBase64String(Enumerable.Range(101, 32).Select(i => (byte)i).ToArray());
    private const string Instance = "3f2b8c1e-7a4d-4e5f-9a0b-1c2d3e4f5a6b";

    private readonly FakeTimeProvider _clock = new(Now);

    private TaskTokenService Service(string key, params string[] previous)
    {
        var options = new TaskTokenOptions { SigningKey = key };
        foreach (var p in previous)
            options.PreviousKeys.Add(p);
        return new TaskTokenService(Options.Create(options), _clock);
    }

    private string ReviewerToken(TaskTokenService tokens) =>
        tokens.Issue(TokenPurposes.Task, Instance, "review-ai_officer", "jane.doe@cityofsacramento.org", Now.AddDays(14));

    [Fact]
    public void GivenIssuedToken_WhenVerified_ThenValidWithItsPayload()
    {
        var tokens = Service(KeyA);

        var result = tokens.Verify(ReviewerToken(tokens), TokenPurposes.Task);

        var valid = Assert.IsType<TokenVerification.Valid>(result);
        Assert.Equal(
            new TaskTokenPayload("task", Instance, "review-ai_officer", "jane.doe@cityofsacramento.org", Now.AddDays(14).ToUnixTimeSeconds()),
            valid.Payload);
    }

    [Fact]
    public void TokenIsCompactAndUrlSafe()
    {
        var token = ReviewerToken(Service(KeyA));

        Assert.InRange(token.Length, 1, 200);
        Assert.Matches("^[A-Za-z0-9_-]+$", token);
        Assert.Equal(token, Uri.EscapeDataString(token));
    }

    [Fact]
    public void AnyPayloadRoundTrips()
    {
        var tokens = Service(KeyA);
        // Printable text in several scripts, sometimes with a character outside the BMP.
        var text =
            from chars in Gen.Char["abcXYZ019 .@_-/?#%+=éßЖ漢"].Array[1, 60]
            from emoji in Gen.Bool
            select new string(chars) + (emoji ? "😀" : "");
        var id = Gen.OneOf(Gen.Guid.Select(g => g.ToString("D")), Gen.Guid.Select(g => g.ToString("N")), text);
        var payloads =
            from purpose in Gen.OneOf(Gen.Const("task"), Gen.Const("union"), text)
            from instance in id
            from task in id
            from subject in text
            from expires in Gen.Long[Now.ToUnixTimeSeconds() + 1, Now.ToUnixTimeSeconds() + 10_000_000]
            select new TaskTokenPayload(purpose, instance, task, subject, expires);

        payloads.Sample(p => tokens.Verify(tokens.Issue(p), p.Purpose) == new TokenVerification.Valid(p));
    }

    [Fact]
    public void EverySingleCharacterChangeIsRefused()
    {
        var tokens = Service(KeyA);
        var token = ReviewerToken(tokens);
        const string replacements = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_=+/. %";

        for (var i = 0; i < token.Length; i++)
        {
            foreach (var c in replacements.Where(c => c != token[i]))
            {
                var mutated = string.Concat(token.AsSpan(0, i), c.ToString(), token.AsSpan(i + 1));
                Assert.IsNotType<TokenVerification.Valid>(tokens.Verify(mutated, TokenPurposes.Task));
            }
            var inserted = token.Insert(i, "A");
            Assert.IsNotType<TokenVerification.Valid>(tokens.Verify(inserted, TokenPurposes.Task));
            var removed = token.Remove(i, 1);
            Assert.IsNotType<TokenVerification.Valid>(tokens.Verify(removed, TokenPurposes.Task));
        }
    }

    [Fact]
    public void EveryTruncationIsRefused()
    {
        var tokens = Service(KeyA);
        var token = ReviewerToken(tokens);

        for (var length = 0; length < token.Length; length++)
        {
            Assert.IsNotType<TokenVerification.Valid>(tokens.Verify(token[..length], TokenPurposes.Task));
            Assert.IsNotType<TokenVerification.Valid>(tokens.Verify(token[(token.Length - length)..], TokenPurposes.Task));
        }
        Assert.IsType<TokenVerification.Malformed>(tokens.Verify(null, TokenPurposes.Task));
        Assert.IsType<TokenVerification.Malformed>(tokens.Verify("not a token!", TokenPurposes.Task));
        Assert.IsType<TokenVerification.Malformed>(tokens.Verify(token + " ", TokenPurposes.Task));
    }

    [Fact]
    public void GivenTokenAtItsExpiry_ThenExpired_AndOneSecondBefore_ThenValid()
    {
        var tokens = Service(KeyA);
        var token = ReviewerToken(tokens);

        _clock.SetUtcNow(Now.AddDays(14).AddSeconds(-1));
        Assert.IsType<TokenVerification.Valid>(tokens.Verify(token, TokenPurposes.Task));

        _clock.SetUtcNow(Now.AddDays(14));
        var expired = Assert.IsType<TokenVerification.Expired>(tokens.Verify(token, TokenPurposes.Task));
        Assert.Equal("review-ai_officer", expired.Payload.TaskId);
    }

    [Fact]
    public void GivenUnionToken_WhenUsedAsTaskLink_ThenWrongPurpose()
    {
        var tokens = Service(KeyA);
        var token = tokens.Issue(TokenPurposes.Union, Instance, "notice-1", "seiu-local-1000", Now.AddDays(30));

        Assert.Equal(new TokenVerification.WrongPurpose("union"), tokens.Verify(token, TokenPurposes.Task));
    }

    [Fact]
    public void GivenTokenSignedWithAnotherKey_ThenForged()
    {
        var token = ReviewerToken(Service(KeyB));

        Assert.IsType<TokenVerification.Forged>(Service(KeyA).Verify(token, TokenPurposes.Task));
    }

    [Fact]
    public void GivenRotatedKey_ThenLinksSignedWithThePreviousKeyStillVerify_ButNotTheReverse()
    {
        var before = ReviewerToken(Service(KeyA));
        var rotated = Service(KeyB, KeyA);

        Assert.IsType<TokenVerification.Valid>(rotated.Verify(before, TokenPurposes.Task));
        Assert.IsType<TokenVerification.Valid>(rotated.Verify(ReviewerToken(rotated), TokenPurposes.Task));
        Assert.IsType<TokenVerification.Forged>(Service(KeyA).Verify(ReviewerToken(rotated), TokenPurposes.Task));
    }

    [Fact]
    public void TheLinkShowsNeitherTheReviewersAddressNorTheRequest_AndTwoLinksForOneTaskDiffer()
    {
        var tokens = Service(KeyA);
        var first = ReviewerToken(tokens);

        // Issue 19: whoever sees the URL (a proxy, a browser history) learns nothing from it.
        var bytes = System.Buffers.Text.Base64Url.DecodeFromChars(first);
        foreach (var secret in new[] { "jane.doe", "cityofsacramento", "review-ai_officer" })
            Assert.Equal(-1, bytes.AsSpan().IndexOf(System.Text.Encoding.UTF8.GetBytes(secret)));
        Assert.Equal(-1, bytes.AsSpan().IndexOf(Guid.Parse(Instance).ToByteArray(bigEndian: true)));
        Assert.NotEqual(first, ReviewerToken(tokens));
        Assert.Equal(ReviewerToken(tokens).Length, first.Length);
    }

    [Fact]
    public void ALinkMailedBeforeTokensWereSealed_StillVerifies_AndStillRefusesAChange()
    {
        var payload = new TaskTokenPayload("task", Instance, "review-ai_officer", "jane.doe@cityofsacramento.org", Now.AddDays(14).ToUnixTimeSeconds());
        var body = TaskTokenCodec.EncodeBody(payload);
        var signed = TaskTokenCodec.ToText([.. body, .. System.Security.Cryptography.HMACSHA256.HashData(Convert.FromBase64String(KeyA), body)]);
        var tokens = Service(KeyA);

        Assert.Equal(new TokenVerification.Valid(payload), tokens.Verify(signed, TokenPurposes.Task));
        var changed = signed[..20] + (signed[20] == 'A' ? 'B' : 'A') + signed[21..];
        Assert.IsType<TokenVerification.Forged>(tokens.Verify(changed, TokenPurposes.Task));
        _clock.Advance(TimeSpan.FromDays(14));
        Assert.IsType<TokenVerification.Expired>(tokens.Verify(signed, TokenPurposes.Task));
    }

    [Fact]
    public void IssuingAFieldLongerThan255BytesIsRefused()
    {
        var tokens = Service(KeyA);

        Assert.Throws<ArgumentException>(() =>
            tokens.Issue(TokenPurposes.Task, Instance, new string('t', 256), "a@b.c", Now.AddDays(1)));
    }
}
