namespace AIWorkflows.Storage;

/// <summary>Logical names of the tables this project owns (the prefix is added by <see cref="StorageClients"/>).</summary>
public static class StorageTables
{
    /// <summary>One partition per workflow instance: state row, event rows, outbox rows.</summary>
    public const string Workflows = "Workflows";

    /// <summary>One partition per due hour, plus the sweep cursor's own partition.</summary>
    public const string Timers = "Timers";

    /// <summary>One partition per workflow, one row per sleeping instance: when to wake it (<see cref="Deciding.WakeIndex"/>).</summary>
    public const string Wakes = "Wakes";
}
