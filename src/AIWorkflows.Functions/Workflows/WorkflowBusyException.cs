namespace AIWorkflows.App.Workflows;

/// <summary>
/// The command reached its workflow, which has not answered it in time: it is queued behind others and will be
/// decided. Unlike a storage outage, something was received, so the person is told so, not that nothing was saved.
/// </summary>
public sealed class WorkflowBusyException : TimeoutException
{
    public WorkflowBusyException()
    {
    }

    public WorkflowBusyException(string message) : base(message)
    {
    }

    public WorkflowBusyException(string message, Exception innerException) : base(message, innerException)
    {
    }
}
