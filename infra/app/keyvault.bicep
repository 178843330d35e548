// Secrets the app reads through Key Vault references: the SendGrid API key and the key that signs
// task links. Access is by Azure RBAC only (Key Vault Secrets User for the app, roles.bicep).
param name string
param location string
param tags object

@secure()
param sendGridApiKey string

@secure()
param tokensSigningKey string

resource vault 'Microsoft.KeyVault/vaults@2024-11-01' = {
  name: name
  location: location
  tags: tags
  properties: {
    tenantId: tenant().tenantId
    sku: { family: 'A', name: 'standard' }
    enableRbacAuthorization: true
    enableSoftDelete: true
    softDeleteRetentionInDays: 90
    // The signing key verifies links already sent: a deleted vault must stay recoverable.
    enablePurgeProtection: true
    publicNetworkAccess: 'Enabled'
  }
}

resource sendGrid 'Microsoft.KeyVault/vaults/secrets@2024-11-01' = {
  parent: vault
  name: 'sendgrid-api-key'
  properties: { value: sendGridApiKey, contentType: 'SendGrid API key' }
}

resource signingKey 'Microsoft.KeyVault/vaults/secrets@2024-11-01' = {
  parent: vault
  name: 'tokens-signing-key'
  properties: { value: tokensSigningKey, contentType: 'base64 HMAC key for task links' }
}

output name string = vault.name
output endpoint string = vault.properties.vaultUri
// Versionless URIs: a Key Vault reference follows the latest version (rotation needs no redeploy).
output sendGridApiKeyUri string = sendGrid.properties.secretUri
output tokensSigningKeyUri string = signingKey.properties.secretUri
