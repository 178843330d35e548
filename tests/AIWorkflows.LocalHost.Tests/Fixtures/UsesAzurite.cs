namespace AIWorkflows.LocalHost.Tests.Fixtures;

/// <summary>One Azurite for every test class in this collection (xunit 2 has no assembly fixtures).</summary>
[CollectionDefinition(Name)]
public sealed class UsesAzurite : ICollectionFixture<AzuriteFixture>
{
    public const string Name = "Azurite";
}
