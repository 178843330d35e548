// AIWorkflows on Azure (azd): a Flex Consumption function app on the .NET 10 isolated worker,
// Table and Blob storage, one user-assigned identity, Key Vault for secrets, Application Insights
// with Entra auth, and App Service Authentication with Entra ID. Plain resources only (no registry
// modules), so it compiles offline. See README "Deploy".
targetScope = 'subscription'

@minLength(1)
@maxLength(48)
@description('Name of the azd environment: names the resource group and seeds every resource name.')
param environmentName string

@minLength(1)
@description('Region for every resource; it must offer the Flex Consumption plan.')
@metadata({ azd: { type: 'location' } })
param location string

@description('The city policy pack the app runs.')
@allowed(['sacramento', 'albuquerque', 'baltimore'])
param policyPack string = 'sacramento'

@description('Client id of the Entra app registration for sign-in (README: Deploy). Empty: no sign-in, and the app trusts no identity header.')
param authClientId string = ''

@secure()
@description('SendGrid API key; kept in Key Vault.')
param sendGridApiKey string

@description('Verified SendGrid sender address.')
param sendGridFromEmail string

@description('Display name on outgoing mail.')
param sendGridFromName string = 'AI Governance'

@secure()
@description('Base64 HMAC key (at least 32 bytes) that signs task links. azd generates it once and keeps it in the environment; kept in Key Vault.')
@metadata({ azd: { type: 'generate', config: { length: 44, noSpecial: true } } })
param tokensSigningKey string

@description('Public address emailed links point at, e.g. a custom domain (https://ai.city.gov/). Empty: the function app host name.')
param publicBaseUrl string = ''

@description('Most instances the app scales out to.')
@minValue(40)
@maxValue(1000)
param maximumInstanceCount int = 40

@description('Memory per instance.')
@allowed([512, 2048, 4096])
param instanceMemoryMB int = 2048

var tags = { 'azd-env-name': environmentName }
var resourceToken = toLower(uniqueString(subscription().id, environmentName, location))
var functionAppName = 'func-${resourceToken}'

resource rg 'Microsoft.Resources/resourceGroups@2024-11-01' = {
  name: 'rg-${environmentName}'
  location: location
  tags: tags
}

module identity 'app/identity.bicep' = {
  scope: rg
  name: 'identity'
  params: { name: 'id-${resourceToken}', location: location, tags: tags }
}

module monitoring 'app/monitoring.bicep' = {
  scope: rg
  name: 'monitoring'
  params: {
    logAnalyticsName: 'log-${resourceToken}'
    applicationInsightsName: 'appi-${resourceToken}'
    location: location
    tags: tags
  }
}

module storage 'app/storage.bicep' = {
  scope: rg
  name: 'storage'
  params: {
    name: 'st${resourceToken}'
    location: location
    tags: tags
    deploymentContainerName: 'app-package-${take(functionAppName, 32)}'
  }
}

module keyVault 'app/keyvault.bicep' = {
  scope: rg
  name: 'keyvault'
  params: {
    name: 'kv-${resourceToken}'
    location: location
    tags: tags
    sendGridApiKey: sendGridApiKey
    tokensSigningKey: tokensSigningKey
  }
}

module roles 'app/roles.bicep' = {
  scope: rg
  name: 'roles'
  params: {
    principalId: identity.outputs.principalId
    storageAccountName: storage.outputs.name
    keyVaultName: keyVault.outputs.name
    applicationInsightsName: monitoring.outputs.applicationInsightsName
  }
}

module function 'app/function.bicep' = {
  scope: rg
  name: 'function'
  // The host reads its storage and secrets with the identity's roles from the first start.
  dependsOn: [roles]
  params: {
    name: functionAppName
    planName: 'plan-${resourceToken}'
    location: location
    tags: tags
    serviceName: 'app'
    identityId: identity.outputs.id
    identityClientId: identity.outputs.clientId
    storageAccountName: storage.outputs.name
    blobEndpoint: storage.outputs.blobEndpoint
    tableEndpoint: storage.outputs.tableEndpoint
    deploymentContainerName: storage.outputs.deploymentContainerName
    applicationInsightsConnectionString: monitoring.outputs.connectionString
    sendGridApiKeyUri: keyVault.outputs.sendGridApiKeyUri
    tokensSigningKeyUri: keyVault.outputs.tokensSigningKeyUri
    sendGridFromEmail: sendGridFromEmail
    sendGridFromName: sendGridFromName
    policyPack: policyPack
    authClientId: authClientId
    publicBaseUrl: publicBaseUrl
    maximumInstanceCount: maximumInstanceCount
    instanceMemoryMB: instanceMemoryMB
  }
}

output AZURE_LOCATION string = location
output AZURE_TENANT_ID string = tenant().tenantId
output AZURE_RESOURCE_GROUP string = rg.name
output AZURE_FUNCTION_APP_NAME string = function.outputs.name
output SERVICE_APP_NAME string = function.outputs.name
output APP_BASE_URL string = function.outputs.baseUrl
output AUTH_REDIRECT_URI string = 'https://${function.outputs.defaultHostName}/.auth/login/aad/callback'
output AZURE_MANAGED_IDENTITY_CLIENT_ID string = identity.outputs.clientId
output AZURE_MANAGED_IDENTITY_PRINCIPAL_ID string = identity.outputs.principalId
output AZURE_STORAGE_ACCOUNT_NAME string = storage.outputs.name
output AZURE_STORAGE_RECORDS_CONTAINER string = storage.outputs.recordsContainerName
output AZURE_KEY_VAULT_NAME string = keyVault.outputs.name
output AZURE_KEY_VAULT_ENDPOINT string = keyVault.outputs.endpoint
output APPLICATIONINSIGHTS_CONNECTION_STRING string = monitoring.outputs.connectionString
