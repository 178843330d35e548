using System.Text.Json.Serialization;

namespace AIWorkflows.Domain.Records;

/// <summary>Commands to one record. Each carries its own Now: the decider never reads a clock.</summary>
[JsonPolymorphic(TypeDiscriminatorPropertyName = "command")]
[JsonDerivedType(typeof(Register), "register")]
[JsonDerivedType(typeof(StartRetention), "start_retention")]
[JsonDerivedType(typeof(PlaceHold), "place_hold")]
[JsonDerivedType(typeof(ReleaseHold), "release_hold")]
[JsonDerivedType(typeof(RetentionDue), "retention_due")]
[JsonDerivedType(typeof(Dispose), "dispose")]
[JsonDerivedType(typeof(Extend), "extend")]
public abstract record RecordCommand(DateTimeOffset Now)
{
    /// <summary>Keeps a record; a tool's standing holds and retirement reach it as the commands below.</summary>
    public sealed record Register(RecordFacts Record, DateTimeOffset Now) : RecordCommand(Now);

    /// <summary>The event a class's clock waits for happened (e.g. the tool was retired at <c>StartedAt</c>).</summary>
    public sealed record StartRetention(string Trigger, DateTimeOffset StartedAt, DateTimeOffset Now) : RecordCommand(Now);

    public sealed record PlaceHold(string HoldId, string Reason, string By, string Scope, DateTimeOffset Now) : RecordCommand(Now);

    public sealed record ReleaseHold(string HoldId, string By, string Reason, DateTimeOffset Now) : RecordCommand(Now);

    /// <summary>A timer: carries the retention end it was set for, so a timer the clock has moved past decides nothing.</summary>
    public sealed record RetentionDue(DateTimeOffset DueAt, DateTimeOffset Now) : RecordCommand(Now);

    public sealed record Dispose(string By, string Reason, DateTimeOffset Now) : RecordCommand(Now);

    public sealed record Extend(string By, string Reason, DateTimeOffset Until, DateTimeOffset Now) : RecordCommand(Now);
}
