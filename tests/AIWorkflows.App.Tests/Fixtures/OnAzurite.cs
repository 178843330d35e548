using AIWorkflows.Testing;

namespace AIWorkflows.App.Tests.Fixtures;

/// <summary>One Azurite (started on free ports by the fixture) for the HTTP tests of this assembly.</summary>
[CollectionDefinition(Name)]
public sealed class OnAzurite : ICollectionFixture<AzuriteFixture>
{
    public const string Name = "App on Azurite";
}
