namespace AIWorkflows.Storage.Tests;

public sealed class StorageOptionsTests
{
    [Theory]
    [InlineData(null, null, "", "ConnectionString")]
    [InlineData("UseDevelopmentStorage=true", null, "1abc", "TablePrefix")]
    [InlineData("UseDevelopmentStorage=true", null, "ab-c", "TablePrefix")]
    public void GivenUnusableOptions_WhenValidated_ThenTheMessageSaysWhatToSet(string? connectionString, string? tableUri, string prefix, string mentioned)
    {
        var options = new StorageOptions { ConnectionString = connectionString, TableServiceUri = tableUri is null ? null : new Uri(tableUri), TablePrefix = prefix };

        var error = Assert.Throws<InvalidOperationException>(options.Validate);

        Assert.Contains(mentioned, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void GivenServiceUrisWithoutCredential_WhenClientsAreBuilt_ThenRefused()
    {
        var options = new StorageOptions { TableServiceUri = new("https://acct.table.core.windows.net"), BlobServiceUri = new("https://acct.blob.core.windows.net") };

        Assert.Throws<InvalidOperationException>(() => new StorageClients(options, new AIWorkflows.Storage.Counting.StorageTransactionCounter()));
    }
}
