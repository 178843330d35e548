namespace AIWorkflows.Storage.Deciding;

/// <summary>What writing a workflow step's read model found.</summary>
public enum StepWrite
{
    /// <summary>The step's rows are written now.</summary>
    Written,

    /// <summary>
    /// The read model is past this step: an activity delivered again after the instance moved on (the
    /// engine runs activities at least once, and a process killed before deleting a finished activity's
    /// message has it run again minutes later). Nothing is written, so the newer state stays.
    /// </summary>
    Stale,
}
