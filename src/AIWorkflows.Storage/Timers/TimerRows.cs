using AIWorkflows.Storage.Tables;
using Azure.Data.Tables;

namespace AIWorkflows.Storage.Timers;

internal static class TimerRows
{
    /// <summary>
    /// A timer already due goes into the current hour's partition, not its own: the sweep cursor may
    /// have passed its hour, and the current hour is always swept.
    /// </summary>
    public static TableEntity ToEntity(ScheduledTimer timer, DateTimeOffset now)
    {
        var partition = TimerKeys.Hour(timer.DueAt > now ? timer.DueAt : now);
        TableKeys.Require(timer.InstanceId, "instance id");
        TableKeys.Require(timer.TimerId, "timer id");
        var entity = new TableEntity(partition, TimerKeys.RowKey(timer.DueAt, timer.InstanceId, timer.TimerId))
        {
            ["Workflow"] = timer.Workflow,
            ["InstanceId"] = timer.InstanceId,
            ["TimerId"] = timer.TimerId,
            ["DueAt"] = timer.DueAt,
        };
        LongText.Write(entity, "Command", timer.CommandJson);
        return entity;
    }

    public static ScheduledTimer FromEntity(TableEntity entity) => new(
        entity.GetString("Workflow") ?? "",
        entity.GetString("InstanceId") ?? "",
        entity.GetString("TimerId") ?? "",
        entity.GetDateTimeOffset("DueAt") ?? default,
        LongText.Read(entity, "Command") ?? "");
}
