using System.Globalization;
using System.Text.Json;
using AIWorkflows.Storage.Tables;
using Azure.Data.Tables;

namespace AIWorkflows.Storage.Deciding;

/// <summary>
/// The rows of an instance's partition in the Workflows table: <c>state</c> (state JSON, version,
/// workflow) and <c>evt-{seq:D10}</c> (type, JSON, RecordedAt). JSON uses the caller's options and
/// the declared base types, so [JsonPolymorphic] discriminators are written.
/// </summary>
internal sealed class WorkflowRows<TState, TEvent>(string workflow, JsonSerializerOptions json)
{
    public const string StateRowKey = "state";
    public const string EventPrefix = "evt-";

    // '.' follows '-': [evt-, evt.) holds exactly the events.
    public const string EventRangeEnd = "evt.";

    public static string EventRowKey(long seq) => string.Create(CultureInfo.InvariantCulture, $"{EventPrefix}{seq:D10}");

    public TableEntity StateEntity(string instanceId, TState state, long version, DateTimeOffset updatedAt)
    {
        var entity = new TableEntity(instanceId, StateRowKey)
        {
            ["Workflow"] = workflow,
            ["Version"] = version,
            ["UpdatedAt"] = updatedAt,
        };
        LongText.Write(entity, "State", JsonSerializer.Serialize(state, json));
        return entity;
    }

    public TableEntity EventEntity(string instanceId, StoredEvent<TEvent> stored)
    {
        var entity = new TableEntity(instanceId, EventRowKey(stored.Seq))
        {
            ["Type"] = stored.Event?.GetType().Name,
            ["RecordedAt"] = stored.RecordedAt,
        };
        LongText.Write(entity, "Data", JsonSerializer.Serialize(stored.Event, json));
        return entity;
    }

    public LoadedState<TState> ReadState(TableEntity entity)
    {
        var owner = entity.GetString("Workflow");
        if (!string.Equals(owner, workflow, StringComparison.Ordinal))
            throw new InvalidOperationException($"Instance '{entity.PartitionKey}' belongs to workflow '{owner}', not '{workflow}'; instance ids must be unique across workflows.");
        var state = Deserialize<TState>(LongText.Read(entity, "State"), entity);
        return new LoadedState<TState>(state, entity.GetInt64("Version") ?? 0, entity.ETag, FromCache: false);
    }

    public StoredEvent<TEvent> ReadEvent(TableEntity entity) => new(
        long.Parse(entity.RowKey.AsSpan(EventPrefix.Length), NumberStyles.None, CultureInfo.InvariantCulture),
        entity.GetDateTimeOffset("RecordedAt") ?? default,
        Deserialize<TEvent>(LongText.Read(entity, "Data"), entity));

    private T Deserialize<T>(string? text, TableEntity entity) =>
        (text is null ? default : JsonSerializer.Deserialize<T>(text, json))
        ?? throw new InvalidOperationException($"Row '{entity.PartitionKey}/{entity.RowKey}' holds no readable {typeof(T).Name}.");
}
