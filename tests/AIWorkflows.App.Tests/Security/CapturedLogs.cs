using System.Collections.Concurrent;
using Microsoft.Extensions.Logging;

namespace AIWorkflows.App.Tests.Security;

/// <summary>
/// Every line the app logs, at every level its filters let through, with the category, the
/// formatted message, every structured value and any exception (with its inner ones): what an
/// operator's log store would hold.
/// </summary>
public sealed class CapturedLogs : ILoggerProvider
{
    public sealed record Line(string Category, LogLevel Level, EventId Event, string Text)
    {
        public override string ToString() => $"{Level} {Category}[{Event.Id}]: {Text}";
    }

    private readonly ConcurrentQueue<Line> _lines = new();

    public IReadOnlyList<Line> Lines => [.. _lines];

    public ILogger CreateLogger(string categoryName) => new Logger(categoryName, _lines);

    public void Dispose()
    {
    }

    private sealed class Logger(string category, ConcurrentQueue<Line> lines) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state) where TState : notnull
        {
            lines.Enqueue(new Line(category, LogLevel.None, default, $"scope: {state}"));
            return null;
        }

        public bool IsEnabled(LogLevel logLevel) => logLevel != LogLevel.None;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
        {
            // The values too: a structured sink stores them apart from the message.
            var values = state is IEnumerable<KeyValuePair<string, object?>> pairs
                ? string.Join("; ", pairs.Select(p => $"{p.Key}={p.Value}"))
                : "";
            lines.Enqueue(new Line(category, logLevel, eventId, $"{formatter(state, exception)} | {values} | {exception}"));
        }
    }
}
