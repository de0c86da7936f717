// QualityVoice on Azure, one environment (staging or production, each in its own resource group, so that a smoke
// test never writes into production's store): the portal and the back office on App Service (each with as many instances as the plan
// runs), Cosmos DB with the containers, partition keys, indexing policies and TTLs of ADR 0006/0017, Key Vault for
// the secrets, Azure AI Language, Application Insights on Log Analytics, and managed identities for every call
// between them. No secret is a parameter: Key Vault holds them (docs/operations.md and infra/README.md say which).

targetScope = 'resourceGroup'

@description('Azure region for every resource.')
param location string = resourceGroup().location

@description('Short lower-case name the resources are named from, such as qv-nenc-prod.')
@minLength(3)
@maxLength(16)
param name string

@description('Which ICB content pack the portal serves (content/<pack>).')
param contentPack string = 'nenc'

@description('The portal\'s public host name (its custom domain), for AllowedHosts and the links in e-mails.')
param portalHostName string

@description('The back office\'s host name.')
param backOfficeHostName string

@description('Address ranges (CIDR) allowed to reach the back office: the ICB\'s network and VPN. Everything else is refused.')
@minLength(1)
param backOfficeAllowedRanges array

@description('The Entra ID tenant staff sign in with.')
param entraTenantId string

@description('The back office\'s app registration (client) id in that tenant.')
param entraClientId string

@description('Whether the tenant\'s Conditional Access requires multi-factor authentication for the back office (ADR 0008).')
param entraTenantRequiresMfa bool = true

@description('How e-mail leaves the back office: GOV.UK Notify (its API key in Key Vault as notify-api-key) or an SMTP relay.')
@allowed(['Notify', 'Smtp'])
param emailDelivery string = 'Notify'

@description('With Notify: the id of the service\'s e-mail template whose subject is ((subject)) and body ((body)).')
param notifyTemplateId string = ''

@description('With Smtp: the relay e-mails go through (an NHSmail relay).')
param smtpHost string = ''

@description('The address e-mails come from (with Smtp; Notify sends from the service\'s own address).')
param emailFrom string

@description('App Service plan SKU: P1v3 runs the local analysis model comfortably; two or more instances for resilience.')
param planSku string = 'P1v3'

@description('Portal instances (each takes submissions; the store is shared).')
@minValue(1)
param portalInstances int = 2

@description('Back-office instances (staff accounts, sessions and every worker\'s leases are in the shared store).')
@minValue(1)
param backOfficeInstances int = 2

@description('Cosmos DB autoscale maximum throughput for the database (RU/s, shared by its containers).')
@minValue(1000)
param cosmosMaxThroughput int = 4000

var tags = {
  application: 'QualityVoice'
  instance: name
}
var databaseName = 'qualityvoice'
var keyVaultName = take('${replace(name, '-', '')}kv${uniqueString(resourceGroup().id)}', 24)
var keyVaultUri = 'https://${keyVaultName}${environment().suffixes.keyvaultDns}/'

// ---------------------------------------------------------------------------------------------------------------
// Monitoring

resource logs 'Microsoft.OperationalInsights/workspaces@2023-09-01' = {
  name: '${name}-logs'
  location: location
  tags: tags
  properties: {
    sku: {
      name: 'PerGB2018'
    }
    retentionInDays: 90
  }
}

resource insights 'Microsoft.Insights/components@2020-02-02' = {
  name: '${name}-insights'
  location: location
  tags: tags
  kind: 'web'
  properties: {
    Application_Type: 'web'
    WorkspaceResourceId: logs.id
    DisableLocalAuth: false
  }
}

// ---------------------------------------------------------------------------------------------------------------
// Key Vault: the tracking key, the proof-of-work secret, the key-ring certificate and the Entra client secret.

resource vault 'Microsoft.KeyVault/vaults@2023-07-01' = {
  name: keyVaultName
  location: location
  tags: tags
  properties: {
    tenantId: subscription().tenantId
    sku: {
      family: 'A'
      name: 'standard'
    }
    enableRbacAuthorization: true
    enableSoftDelete: true
    softDeleteRetentionInDays: 90
    enablePurgeProtection: true
    publicNetworkAccess: 'Enabled'
  }
}

// ---------------------------------------------------------------------------------------------------------------
// Cosmos DB: keys switched off (managed identities only), five containers partitioned on /pk, TTL on with no default.

resource cosmos 'Microsoft.DocumentDB/databaseAccounts@2024-11-15' = {
  name: '${name}-cosmos'
  location: location
  tags: tags
  kind: 'GlobalDocumentDB'
  properties: {
    databaseAccountOfferType: 'Standard'
    disableLocalAuth: true
    minimalTlsVersion: 'Tls12'
    consistencyPolicy: {
      defaultConsistencyLevel: 'Session'
    }
    locations: [
      {
        locationName: location
        failoverPriority: 0
        isZoneRedundant: false
      }
    ]
    backupPolicy: {
      type: 'Continuous'
      continuousModeProperties: {
        tier: 'Continuous30Days'
      }
    }
  }
}

resource database 'Microsoft.DocumentDB/databaseAccounts/sqlDatabases@2024-11-15' = {
  parent: cosmos
  name: databaseName
  properties: {
    resource: {
      id: databaseName
    }
    options: {
      autoscaleSettings: {
        maxThroughput: cosmosMaxThroughput
      }
    }
  }
}

// What each container indexes: only the paths the stores filter and order on (src/Feedback.Cosmos/CosmosIndexing.cs;
// a test compares the two).
var containers = [
  {
    name: 'feedback'
    included: [
      '/type/?', '/sortKey/?', '/status/?', '/sentiment/?', '/serviceId/?', '/kind/?', '/fftRating/?', '/urgent/?'
      '/needsReview/?', '/assignedTo/?', '/themes/[]/?', '/themeFeelings/[]/?', '/terms/[]/?', '/analysisState/?'
      '/analysisLeaseUntil/?', '/modelVersion/?', '/themesBy/?', '/sentimentBy/?', '/isLive/?', '/slug/?'
      '/linkedReferences/[]/?', '/state/?', '/leaseUntil/?', '/createdAt/?', '/reference/?', '/originalsRemovedAt/?'
    ]
    filteredBeforeSort: ['/status', '/sentiment', '/serviceId', '/kind', '/fftRating', '/urgent', '/needsReview', '/assignedTo']
    sortKey: '/sortKey'
  }
  {
    name: 'equality-monitoring'
    included: ['/serviceId/?']
    filteredBeforeSort: []
    sortKey: '/sortKey'
  }
  {
    name: 'speak-up'
    included: ['/type/?']
    filteredBeforeSort: []
    sortKey: '/sortKey'
  }
  {
    name: 'staff'
    included: ['/type/?', '/normalizedEmail/?', '/normalizedRoles/[]/?', '/roleId/?', '/waiting/?', '/announced/?', '/userId/?']
    filteredBeforeSort: []
    sortKey: '/sortKey'
  }
  {
    name: 'audit'
    included: ['/type/?', '/sequence/?', '/actor/?', '/action/?', '/subject/?']
    filteredBeforeSort: ['/actor', '/action', '/subject']
    sortKey: '/sequence'
  }
]

resource cosmosContainers 'Microsoft.DocumentDB/databaseAccounts/sqlDatabases/containers@2024-11-15' = [
  for container in containers: {
    parent: database
    name: container.name
    properties: {
      resource: {
        id: container.name
        partitionKey: {
          paths: ['/pk']
          kind: 'Hash'
        }
        defaultTtl: -1
        indexingPolicy: {
          indexingMode: 'consistent'
          automatic: true
          includedPaths: [for path in concat(['/pk/?'], container.included): { path: path }]
          excludedPaths: [
            { path: '/*' }
          ]
          compositeIndexes: [
            for field in container.filteredBeforeSort: [
              { path: field, order: 'ascending' }
              { path: container.sortKey, order: 'descending' }
            ]
          ]
        }
      }
    }
  }
]

// The apps may read and write the feedback, equality-monitoring and speak-up containers (and the back office the staff
// container, which the portal cannot read), and only create and read in the audit container: no identity of the apps
// can replace or delete an audit entry (ADR 0017).
resource dataRole 'Microsoft.DocumentDB/databaseAccounts/sqlRoleDefinitions@2024-11-15' = {
  parent: cosmos
  name: guid(cosmos.id, 'qualityvoice-data')
  properties: {
    roleName: 'QualityVoice data'
    type: 'CustomRole'
    assignableScopes: [cosmos.id]
    permissions: [
      {
        dataActions: [
          'Microsoft.DocumentDB/databaseAccounts/readMetadata'
          'Microsoft.DocumentDB/databaseAccounts/sqlDatabases/containers/items/*'
          'Microsoft.DocumentDB/databaseAccounts/sqlDatabases/containers/executeQuery'
          'Microsoft.DocumentDB/databaseAccounts/sqlDatabases/containers/readChangeFeed'
        ]
      }
    ]
  }
}

resource auditRole 'Microsoft.DocumentDB/databaseAccounts/sqlRoleDefinitions@2024-11-15' = {
  parent: cosmos
  name: guid(cosmos.id, 'qualityvoice-audit-append')
  properties: {
    roleName: 'QualityVoice audit append'
    type: 'CustomRole'
    assignableScopes: [cosmos.id]
    permissions: [
      {
        dataActions: [
          'Microsoft.DocumentDB/databaseAccounts/readMetadata'
          'Microsoft.DocumentDB/databaseAccounts/sqlDatabases/containers/items/create'
          'Microsoft.DocumentDB/databaseAccounts/sqlDatabases/containers/items/read'
          'Microsoft.DocumentDB/databaseAccounts/sqlDatabases/containers/executeQuery'
        ]
      }
    ]
  }
}

// ---------------------------------------------------------------------------------------------------------------
// Azure AI Language: keys switched off, the back office calls it with its managed identity.

resource language 'Microsoft.CognitiveServices/accounts@2024-10-01' = {
  name: '${name}-language'
  location: location
  tags: tags
  kind: 'TextAnalytics'
  sku: {
    name: 'S'
  }
  properties: {
    customSubDomainName: '${name}-language'
    disableLocalAuth: true
    publicNetworkAccess: 'Enabled'
  }
}

// ---------------------------------------------------------------------------------------------------------------
// App Service: one plan, two apps, each with its own system-assigned identity.

resource plan 'Microsoft.Web/serverfarms@2024-04-01' = {
  name: '${name}-plan'
  location: location
  tags: tags
  kind: 'linux'
  sku: {
    name: planSku
    capacity: max(portalInstances, backOfficeInstances)
  }
  properties: {
    reserved: true
    zoneRedundant: false
    // Each app says how many instances it runs (numberOfWorkers).
    perSiteScaling: true
  }
}

// Secrets are Key Vault references, resolved by App Service with the app's identity.
func secret(vaultUri string, secretName string) string => '@Microsoft.KeyVault(SecretUri=${vaultUri}secrets/${secretName}/)'

var sharedSettings = [
  { name: 'ASPNETCORE_ENVIRONMENT', value: 'Production' }
  { name: 'APPLICATIONINSIGHTS_CONNECTION_STRING', value: insights.properties.ConnectionString }
  { name: 'Content__Pack', value: contentPack }
  { name: 'Feedback__Store', value: 'Cosmos' }
  { name: 'Feedback__Cosmos__Endpoint', value: cosmos.properties.documentEndpoint }
  { name: 'Feedback__Cosmos__Database', value: databaseName }
  { name: 'Feedback__Cosmos__CreateIfMissing', value: 'false' }
  { name: 'Feedback__TrackingKey', value: secret(keyVaultUri, 'tracking-key') }
  { name: 'Feedback__Cosmos__KeyRingCertificate', value: secret(keyVaultUri, 'key-ring-certificate') }
  // What an app keeps on disk beyond the store lives on App Service's persistent storage.
  { name: 'QualityVoice__DataDirectory', value: '/home/qualityvoice' }
  { name: 'WEBSITES_ENABLE_APP_SERVICE_STORAGE', value: 'true' }
]

var backOfficeRestrictions = [
  for (range, index) in backOfficeAllowedRanges: {
    ipAddress: range
    action: 'Allow'
    priority: 100 + index
    name: 'icb-${index}'
  }
]

var siteConfig = {
  linuxFxVersion: 'DOTNETCORE|10.0'
  alwaysOn: true
  http20Enabled: true
  minTlsVersion: '1.2'
  ftpsState: 'Disabled'
  healthCheckPath: '/health/ready'
}

var portalSiteConfig = union(siteConfig, {
  numberOfWorkers: portalInstances
  appSettings: concat(sharedSettings, [
    { name: 'AllowedHosts', value: '${portalHostName};${name}-portal.azurewebsites.net' }
    { name: 'BotCheck__ProofOfWork__Secret', value: secret(keyVaultUri, 'proof-of-work-secret') }
    { name: 'DOTNET_SYSTEM_NET_SOCKETS_INLINE_COMPLETIONS', value: '1' }
    // Each instance allows its share of every rate limit, so the limits hold for the service (ADR 0017).
    { name: 'RateLimits__Instances', value: string(portalInstances) }
  ])
})

var backOfficeSiteConfig = union(siteConfig, {
  // Staff accounts, their sessions and role requests are in the staff container, and every worker takes a lease on
  // what it does, so the back office runs on several instances like the portal (ADR 0022).
  numberOfWorkers: backOfficeInstances
  ipSecurityRestrictionsDefaultAction: 'Deny'
  ipSecurityRestrictions: backOfficeRestrictions
  scmIpSecurityRestrictionsUseMain: true
  appSettings: concat(sharedSettings, [
    { name: 'AllowedHosts', value: '${backOfficeHostName};${name}-backoffice.azurewebsites.net' }
    { name: 'Analysis__Provider', value: 'AzureLanguage' }
    { name: 'Analysis__AzureLanguage__Endpoint', value: language.properties.endpoint }
    { name: 'Publishing__PortalUrl', value: 'https://${portalHostName}/' }
    { name: 'Email__Delivery', value: emailDelivery }
    { name: 'Email__Notify__ApiKey', value: secret(keyVaultUri, 'notify-api-key') }
    { name: 'Email__Notify__TemplateId', value: notifyTemplateId }
    { name: 'Email__SmtpHost', value: smtpHost }
    { name: 'Email__From', value: emailFrom }
    { name: 'Staff__EntraId__TenantId', value: entraTenantId }
    { name: 'Staff__EntraId__ClientId', value: entraClientId }
    { name: 'Staff__EntraId__ClientSecret', value: secret(keyVaultUri, 'entra-client-secret') }
    { name: 'Staff__EntraId__TenantRequiresMfa', value: string(entraTenantRequiresMfa) }
    { name: 'Staff__RequireTwoFactor', value: 'true' }
    // Each instance allows its share of the sign-in limits, and counts a failure once for every instance (ADR 0022).
    { name: 'RateLimits__Instances', value: string(backOfficeInstances) }
  ])
})

resource portal 'Microsoft.Web/sites@2024-04-01' = {
  name: '${name}-portal'
  location: location
  tags: tags
  kind: 'app,linux'
  identity: {
    type: 'SystemAssigned'
  }
  properties: {
    serverFarmId: plan.id
    httpsOnly: true
    clientAffinityEnabled: false
    keyVaultReferenceIdentity: 'SystemAssigned'
    siteConfig: portalSiteConfig
  }
}

resource backOffice 'Microsoft.Web/sites@2024-04-01' = {
  name: '${name}-backoffice'
  location: location
  tags: tags
  kind: 'app,linux'
  identity: {
    type: 'SystemAssigned'
  }
  properties: {
    serverFarmId: plan.id
    httpsOnly: true
    // A browser stays on one instance (App Service's affinity cookie) while it watches an import or a report being
    // made: those jobs' progress is the instance's own; their results, and everything else, are in the shared store.
    clientAffinityEnabled: true
    keyVaultReferenceIdentity: 'SystemAssigned'
    siteConfig: backOfficeSiteConfig
  }
}

// ---------------------------------------------------------------------------------------------------------------
// Role assignments: every identity gets only what its app uses.

// The containers both apps read and write; staff accounts and sessions are the back office's alone.
var sharedContainers = ['feedback', 'equality-monitoring', 'speak-up']

// The apps' identities, in this order: the portal, the back office.
var identityCount = 2
var identities = [
  portal.identity.principalId
  backOffice.identity.principalId
]

var keyVaultSecretsUser = subscriptionResourceId('Microsoft.Authorization/roleDefinitions', '4633458b-17de-408a-b874-0445c86b69e6')
var cognitiveServicesUser = subscriptionResourceId('Microsoft.Authorization/roleDefinitions', 'a97b65f3-24c7-4388-baec-2e87135dc908')

resource secretsReaders 'Microsoft.Authorization/roleAssignments@2022-04-01' = [
  for index in range(0, identityCount): {
    scope: vault
    name: guid(vault.id, keyVaultSecretsUser, string(index))
    properties: {
      principalId: identities[index]
      principalType: 'ServicePrincipal'
      roleDefinitionId: keyVaultSecretsUser
    }
  }
]

resource languageUsers 'Microsoft.Authorization/roleAssignments@2022-04-01' = [
  for index in [1]: {
    scope: language
    name: guid(language.id, cognitiveServicesUser, string(index))
    properties: {
      principalId: identities[index]
      principalType: 'ServicePrincipal'
      roleDefinitionId: cognitiveServicesUser
    }
  }
]

resource dataAssignments 'Microsoft.DocumentDB/databaseAccounts/sqlRoleAssignments@2024-11-15' = [
  for pair in flatten(map(range(0, identityCount), i => map(i == 1 ? concat(sharedContainers, ['staff']) : sharedContainers, c => { identity: i, container: c }))): {
    parent: cosmos
    name: guid(cosmos.id, dataRole.id, string(pair.identity), pair.container)
    properties: {
      principalId: identities[pair.identity]
      roleDefinitionId: dataRole.id
      scope: '${cosmos.id}/dbs/${databaseName}/colls/${pair.container}'
    }
    dependsOn: [cosmosContainers]
  }
]

resource auditAssignments 'Microsoft.DocumentDB/databaseAccounts/sqlRoleAssignments@2024-11-15' = [
  for index in range(0, identityCount): {
    parent: cosmos
    name: guid(cosmos.id, auditRole.id, string(index))
    properties: {
      principalId: identities[index]
      roleDefinitionId: auditRole.id
      scope: '${cosmos.id}/dbs/${databaseName}/colls/audit'
    }
    dependsOn: [cosmosContainers]
  }
]

output portalName string = portal.name
output backOfficeName string = backOffice.name
output portalHost string = portal.properties.defaultHostName
output backOfficeHost string = backOffice.properties.defaultHostName
output keyVaultName string = vault.name
