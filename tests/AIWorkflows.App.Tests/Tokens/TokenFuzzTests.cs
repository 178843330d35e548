using System.Collections.Concurrent;
using AIWorkflows.App.Tokens;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;

namespace AIWorkflows.App.Tests.Tokens;

/// <summary>Issue 11: no random or mutated token is ever accepted, and refusals never log the token.</summary>
public sealed class TokenFuzzTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 23, 17, 0, 0, TimeSpan.Zero);
    private const string Alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";

    private sealed class CapturingLogger : ILogger<TaskTokenService>
    {
        public ConcurrentQueue<string> Lines { get; } = new();
        public IDisposable? BeginScope<TState>(TState state) where TState : notnull => null;
        public bool IsEnabled(LogLevel logLevel) => true;
        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter) =>
            Lines.Enqueue(formatter(state, exception));
    }

    [Fact]
    public void HundredThousandRandomAndMutatedTokens_AreAllRefused_AndNoRefusalLogsTheToken()
    {
        var log = new CapturingLogger();
        var options = new TaskTokenOptions { SigningKey = Convert.ToBase64String(Enumerable.Range(7, 32).Select(i => (byte)i).ToArray()) };
        var tokens = new TaskTokenService(Options.Create(options), new FakeTimeProvider(Now), log);
        var genuine = tokens.Issue(TokenPurposes.Task, "req-0123456789abcdef", "ai_officer-1", "aio@city.example", Now.AddDays(60));
        var random = new Random(20261123);
        var tried = new HashSet<string>(StringComparer.Ordinal) { genuine };

        for (var i = 0; tried.Count < 100_001; i++)
        {
            var candidate = (i % 4) switch
            {
                0 => new string(Enumerable.Range(0, random.Next(1, 260)).Select(_ => Alphabet[random.Next(Alphabet.Length)]).ToArray()),
                1 => Mutate(genuine, random, flips: 1),
                2 => Mutate(genuine, random, flips: random.Next(2, 8)),
                _ => genuine[..random.Next(1, genuine.Length)] + new string(Alphabet[random.Next(Alphabet.Length)], random.Next(0, 3)),
            };
            if (!tried.Add(candidate)) continue;
            var result = tokens.Verify(candidate, TokenPurposes.Task);
            Assert.False(result is TokenVerification.Valid, $"accepted: {candidate}");
        }

        Assert.IsType<TokenVerification.Valid>(tokens.Verify(genuine, TokenPurposes.Task));
        Assert.True(log.Lines.Count >= 100_000);
        Assert.DoesNotContain(log.Lines, line => line.Contains(genuine[..40], StringComparison.Ordinal));
    }

    private static string Mutate(string token, Random random, int flips)
    {
        var chars = token.ToCharArray();
        for (var f = 0; f < flips; f++)
        {
            var at = random.Next(chars.Length);
            var c = Alphabet[random.Next(Alphabet.Length)];
            chars[at] = c == chars[at] ? Alphabet[(Alphabet.IndexOf(c, StringComparison.Ordinal) + 1) % Alphabet.Length] : c;
        }
        return new string(chars);
    }
}
