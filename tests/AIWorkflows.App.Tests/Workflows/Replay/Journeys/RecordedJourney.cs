using System.Text.Json;
using AIWorkflows.App.Policy;
using AIWorkflows.App.Tests.Policy;
using AIWorkflows.App.Workflows;
using AIWorkflows.Testing;

namespace AIWorkflows.App.Tests.Workflows.Replay.Journeys;

/// <summary>
/// A realistic run of one orchestration whose history is checked in (<see cref="RecordedHistory"/>) and replayed
/// against today's code. A new orchestration adds its journey to <see cref="All"/> and records its file.
/// </summary>
internal abstract class RecordedJourney
{
    public static IReadOnlyList<RecordedJourney> All { get; } =
        [new AccessGrantJourney(), new FeedbackJourney(), new RecordRetentionJourney(), new ToolApprovalJourney(), new ToolLifecycleJourney(), new UnionNoticeJourney()];

    protected static readonly DateTimeOffset Start = AIWorkflowsApp.Start;
    protected static readonly JsonSerializerOptions Json = WorkflowJson.Options;
    protected static readonly Domain.Policy.PolicyPack Sacramento = PolicyPackLoader.Load(PackFolder.RepoWorkflows, "sacramento");

    public abstract string Orchestrator { get; }

    /// <summary>The version new instances are stamped with (<c>ctx.Version</c>); a versioned journey sits beside the unversioned one.</summary>
    public virtual string? Version => null;

    /// <summary>Its file under <c>Workflows/Histories/</c>: the orchestrator's name, and the version when there is one.</summary>
    public string File => Version is null ? Orchestrator : $"{Orchestrator}.{Version}";

    public abstract string InstanceId { get; }

    /// <summary>What happens on the journey, in a sentence: the file says it too.</summary>
    public abstract string Story { get; }

    public abstract Task DriveAsync(JourneyDriver drive);

    protected static string Pack => JsonSerializer.Serialize(Sacramento, Json);

    // Serialized as the base type, so the polymorphic discriminator is written as the gateway writes it.
    protected static string Command<TCommand>(TCommand command) => JsonSerializer.Serialize(command, Json);

    protected static T Read<T>(string json) => JsonSerializer.Deserialize<T>(json, Json)!;

    /// <summary>The skew that makes the app's clock read <paramref name="at"/> now: durable timers fire by the engine's clock less it.</summary>
    protected static TimeSpan AppTimeIs(DateTimeOffset at) => at - DateTimeOffset.UtcNow;

    /// <summary>The earliest deadline once <paramref name="first"/> is decided, by the workflow's own decider.</summary>
    protected static DateTimeOffset FirstDeadline<TCommand, TState, TEvent>(WorkflowRules<TCommand, TState, TEvent> rules, TCommand first)
    {
        var decider = rules.Decider(Sacramento);
        var state = decider.Decide(first, decider.Initial).Aggregate(decider.Initial, decider.Evolve);
        return decider.Deadlines(state).Min(d => d.DueAt);
    }
}
