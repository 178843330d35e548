using System.Reflection;

namespace AIWorkflows.LocalHost.Durable;

/// <summary>Turns whatever a function method returns (<c>T</c>, <c>void</c>, <c>Task</c>, <c>Task&lt;T&gt;</c>, <c>ValueTask</c>, <c>ValueTask&lt;T&gt;</c>) into a <c>Task&lt;object?&gt;</c>.</summary>
internal static class FunctionResult
{
    public static (Type ResultType, Func<object?, Task<object?>> Await) For(Type returnType)
    {
        if (returnType == typeof(void)) return (typeof(object), _ => Task.FromResult<object?>(null));
        if (returnType == typeof(Task)) return (typeof(object), FromTask);
        if (returnType == typeof(ValueTask)) return (typeof(object), FromValueTask);
        if (returnType.IsGenericType && returnType.GetGenericTypeDefinition() is var definition
            && (definition == typeof(Task<>) || definition == typeof(ValueTask<>)))
        {
            var result = returnType.GetGenericArguments()[0];
            var helper = definition == typeof(Task<>) ? nameof(FromTaskOf) : nameof(FromValueTaskOf);
            var await = typeof(FunctionResult).GetMethod(helper, BindingFlags.NonPublic | BindingFlags.Static)!
                .MakeGenericMethod(result).CreateDelegate<Func<object?, Task<object?>>>();
            return (result, await);
        }
        return (returnType, value => Task.FromResult(value));
    }

    private static async Task<object?> FromTask(object? returned)
    {
        await (Task)returned!;
        return null;
    }

    private static async Task<object?> FromValueTask(object? returned)
    {
        await (ValueTask)returned!;
        return null;
    }

    private static async Task<object?> FromTaskOf<T>(object? returned) => await (Task<T>)returned!;

    private static async Task<object?> FromValueTaskOf<T>(object? returned) => await (ValueTask<T>)returned!;
}
