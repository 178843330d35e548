// The app: a Flex Consumption function app on the .NET 10 isolated worker, its workflows Durable
// orchestrations on the Azure Storage provider in the app's storage account. App Service Authentication (Entra ID) signs people in and hands the app X-MS-CLIENT-PRINCIPAL; the
// app trusts that header only when sign-in is configured here (Auth__TrustEasyAuth).
param name string
param planName string
param location string
param tags object
@description('azd deploys the service of this name (azure.yaml) to the resource with this tag.')
param serviceName string

param identityId string
param identityClientId string

param storageAccountName string
param blobEndpoint string
param tableEndpoint string
param deploymentContainerName string

param applicationInsightsConnectionString string

param sendGridApiKeyUri string
param tokensSigningKeyUri string
param sendGridFromEmail string
param sendGridFromName string

param policyPack string
param authClientId string
param publicBaseUrl string

param maximumInstanceCount int
param instanceMemoryMB int

var authEnabled = !empty(authClientId)

resource plan 'Microsoft.Web/serverfarms@2024-11-01' = {
  name: planName
  location: location
  tags: tags
  kind: 'functionapp'
  sku: { tier: 'FlexConsumption', name: 'FC1' }
  properties: { reserved: true }
}

resource site 'Microsoft.Web/sites@2024-11-01' = {
  name: name
  location: location
  tags: union(tags, { 'azd-service-name': serviceName })
  kind: 'functionapp,linux'
  identity: {
    type: 'UserAssigned'
    userAssignedIdentities: { '${identityId}': {} }
  }
  properties: {
    serverFarmId: plan.id
    httpsOnly: true
    keyVaultReferenceIdentity: identityId
    siteConfig: { minTlsVersion: '1.2' }
    functionAppConfig: {
      deployment: {
        storage: {
          type: 'blobContainer'
          value: '${blobEndpoint}${deploymentContainerName}'
          authentication: { type: 'UserAssignedIdentity', userAssignedIdentityResourceId: identityId }
        }
      }
      scaleAndConcurrency: { maximumInstanceCount: maximumInstanceCount, instanceMemoryMB: instanceMemoryMB }
      runtime: { name: 'dotnet-isolated', version: '10.0' }
    }
  }
}

// No publishing with user names and passwords: azd and the portal deploy with Entra tokens.
resource scmBasicAuth 'Microsoft.Web/sites/basicPublishingCredentialsPolicies@2024-11-01' = {
  parent: site
  name: 'scm'
  properties: { allow: false }
}

resource ftpBasicAuth 'Microsoft.Web/sites/basicPublishingCredentialsPolicies@2024-11-01' = {
  parent: site
  name: 'ftp'
  properties: { allow: false }
}

var baseUrl = empty(publicBaseUrl) ? 'https://${site.properties.defaultHostName}/' : publicBaseUrl

var settings = {
  // Functions host storage (timer leases, the Durable task hub) through the identity, no connection string.
  AzureWebJobsStorage__accountName: storageAccountName
  AzureWebJobsStorage__credential: 'managedidentity'
  AzureWebJobsStorage__clientId: identityClientId
  APPLICATIONINSIGHTS_CONNECTION_STRING: applicationInsightsConnectionString
  APPLICATIONINSIGHTS_AUTHENTICATION_STRING: 'ClientId=${identityClientId};Authorization=AAD'
  // DefaultAzureCredential in the app picks this user-assigned identity.
  AZURE_CLIENT_ID: identityClientId
  ASPNETCORE_ENVIRONMENT: 'Production'
  // The root is the app's home page (HomeFunctions), not the Functions host's own landing page.
  AzureWebJobsDisableHomepage: 'true'
  Storage__TableServiceUri: tableEndpoint
  Storage__BlobServiceUri: blobEndpoint
  Policy__Pack: policyPack
  App__BaseUrl: baseUrl
  Tokens__SigningKey: '@Microsoft.KeyVault(SecretUri=${tokensSigningKeyUri})'
  SendGrid__ApiKey: '@Microsoft.KeyVault(SecretUri=${sendGridApiKeyUri})'
  SendGrid__FromEmail: sendGridFromEmail
  SendGrid__FromName: sendGridFromName
  // Without App Service Authentication in front, anyone could send the header: never trust it then.
  Auth__TrustEasyAuth: authEnabled ? 'true' : 'false'
}

var authSettings = authEnabled
  ? {
      // Sign-in without a client secret: the app registration trusts this identity (federated credential).
      OVERRIDE_USE_MI_FIC_ASSERTION_CLIENTID: identityClientId
      WEBSITE_AUTH_AAD_ALLOWED_TENANTS: tenant().tenantId
    }
  : {}

resource appSettings 'Microsoft.Web/sites/config@2024-11-01' = {
  parent: site
  name: 'appsettings'
  properties: union(settings, authSettings)
}

resource auth 'Microsoft.Web/sites/config@2024-11-01' = if (authEnabled) {
  parent: site
  name: 'authsettingsV2'
  dependsOn: [appSettings]
  properties: {
    platform: { enabled: true }
    globalValidation: {
      // The public register, task links and the timer endpoints need no account; the app decides per page.
      requireAuthentication: false
      unauthenticatedClientAction: 'AllowAnonymous'
    }
    httpSettings: { requireHttps: true }
    identityProviders: {
      azureActiveDirectory: {
        enabled: true
        registration: {
          clientId: authClientId
          clientSecretSettingName: 'OVERRIDE_USE_MI_FIC_ASSERTION_CLIENTID'
          openIdIssuer: '${environment().authentication.loginEndpoint}${tenant().tenantId}/v2.0'
        }
        validation: { allowedAudiences: ['api://${authClientId}', authClientId] }
      }
    }
    login: { tokenStore: { enabled: false } }
  }
}

output name string = site.name
output defaultHostName string = site.properties.defaultHostName
output baseUrl string = baseUrl
