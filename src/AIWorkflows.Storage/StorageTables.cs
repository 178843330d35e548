namespace AIWorkflows.Storage;

/// <summary>Logical names of the tables this project owns (the prefix is added by <see cref="StorageClients"/>).</summary>
public static class StorageTables
{
    /// <summary>One partition per workflow instance: state row, event rows (the read model and audit trail of each orchestration).</summary>
    public const string Workflows = "Workflows";

    /// <summary>One partition per workflow, one row per sleeping instance: when to wake it (<see cref="Deciding.WakeIndex"/>).</summary>
    public const string Wakes = "Wakes";
}
