#!/usr/bin/env python3
"""Writes src/OctoSync.Emulator/Resources/Definitions/subtypes.json: the subtype definitions of feeds, accounts and
endpoints, which the Swagger 2021.2 describes only by their base definitions (notes 1.1).

The facts (property names, C# types, constructor and initialiser defaults, the commit that added a property) were
read from the OctopusDeploy/OctopusClients models named in each x-source, at commit b883446b (2021-06-07, the
2021.2 profile), the model as of 2024-09 (2024.3) and 26802a14 (2026-08-19, 2026.3). They are written out here by
hand, not parsed, so the table is the record of what was read.

Usage: scripts/generate-emulator-subtypes.py
"""
import os
import json
OC = "OctopusDeploy/OctopusClients source/Octopus.Server.Client/Model/"
S = {"type": "string"}
I = lambda d=None: ({"type": "integer", "format": "int32"} | ({"default": d} if d is not None else {}))
NI = {"type": "integer", "format": "int32", "x-nullable": True}
B = lambda d=False: {"type": "boolean"} | ({"default": True} if d else {})
SV = {"$ref": "#/definitions/SensitiveValue"}
SV0 = {"$ref": "#/definitions/SensitiveValue", "default": {"HasValue": False, "NewValue": None, "Hint": None}}
OBJ = {"type": "object", "x-opaque": True}
ARR = {"type": "array", "items": {"type": "string"}}
def since(p, v): return p | {"x-since": v}
D = {}
def d(name, src, props):
    D[name] = {"type": "object", "x-source": OC + src, "properties": props}
cred = {"FeedUri": S, "Username": S, "Password": SV}
retry = {"DownloadAttempts": I(5), "DownloadRetryBackoffSeconds": I(10)}
d("NuGetFeedResource", "NuGetFeedResource.cs @b883446b (2021-06), unchanged at 26802a14 (2026-08)", retry | {"EnhancedMode": B()} | cred)
d("DockerFeedResource", "DockerFeedResource.cs @b883446b; DownloadAttempts/DownloadRetryBackoffSeconds added by fc04f44b (2025-10)",
  {"DownloadAttempts": since(I(5), "2026.3"), "DownloadRetryBackoffSeconds": since(I(10), "2026.3"), "ApiVersion": S, "RegistryPath": S} | cred)
d("MavenFeedResource", "MavenFeedResource.cs @b883446b, unchanged at 26802a14", retry | cred)
d("GitHubFeedResource", "GitHubFeedResource.cs @b883446b, unchanged at 26802a14", retry | cred)
d("HelmFeedResource", "HelmFeedResource.cs @b883446b, unchanged at 26802a14", dict(cred))
d("AwsElasticContainerRegistryFeedResource", "AwsElasticContainerRegistryFeedResource.cs @b883446b; OidcAuthentication 8f0e7ba8 (2025-04), UseMachineCredentials fce495a9 (2025-05)",
  {"Region": S, "AccessKey": S, "SecretKey": SV, "OidcAuthentication": since(OBJ, "2026.3"), "UseMachineCredentials": since(B(), "2026.3")})
d("BuiltInFeedResource", "BuiltInFeedResource.cs @b883446b; DeletePackagesAssociatedWithReleases d1990f81 (2025-06)",
  {"DeleteUnreleasedPackagesAfterDays": NI, "IsBuiltInRepoSyncEnabled": B(True), "DeletePackagesAssociatedWithReleases": since({"type": "boolean", "x-nullable": True}, "2026.3")})
d("OctopusProjectFeedResource", "OctopusProjectFeedResource.cs (no fields beyond FeedResource)", {})
d("UsernamePasswordAccountResource", "Accounts/UsernamePasswordAccountResource.cs @b883446b (constructor: Password = new SensitiveValue())", {"Username": S, "Password": SV0})
d("AzureServicePrincipalAccountResource", "Accounts/AzureServicePrincipalAccountResource.cs @b883446b",
  {"SubscriptionNumber": S, "ClientId": S, "TenantId": S, "Password": SV, "AzureEnvironment": S, "ResourceManagementEndpointBaseUri": S, "ActiveDirectoryEndpointBaseUri": S})
d("AmazonWebServicesAccountResource", "Accounts/AmazonWebServicesAccountResource.cs @b883446b; Region e2f89283 (2026-02, OctopusDeploy/Issues#9879)",
  {"AccessKey": S, "SecretKey": SV, "Region": since(S, "2026.3")})
d("TokenAccountResource", "Accounts/TokenAccountResource.cs @b883446b (constructor: Token = new SensitiveValue())", {"Token": SV0})
d("SshKeyPairAccountResource", "Accounts/SshKeyPairAccountResource.cs @b883446b (constructor: both keys new SensitiveValue())",
  {"Username": S, "PrivateKeyFile": SV0, "PrivateKeyPassphrase": SV0})
tentacle = {"Thumbprint": S, "Uri": S, "TentacleVersionDetails": OBJ, "CertificateSignatureAlgorithm": S}
d("ListeningTentacleEndpointResource", "Endpoints/ListeningTentacleEndpointResource.cs + TentacleEndpointResource.cs @b883446b", tentacle | {"ProxyId": S})
d("PollingTentacleEndpointResource", "Endpoints/PollingTentacleEndpointResource.cs + TentacleEndpointResource.cs @b883446b", dict(tentacle))
d("SshEndpointResource", "Endpoints/SshEndpointResource.cs @b883446b (Uri is a client-side getter, not modelled)",
  {"AccountId": S, "Host": S, "Port": I(), "Fingerprint": S, "ProxyId": S, "DotNetCorePlatform": S})
d("CloudRegionEndpointResource", "Endpoints/CloudRegionEndpointResource.cs @b883446b", {"DefaultWorkerPoolId": S})
d("OfflineDropEndpointResource", "Endpoints/OfflineDropEndpointResource.cs @b883446b (constructor: SensitiveVariablesEncryptionPassword = new SensitiveValue())",
  {"Destination": OBJ, "SensitiveVariablesEncryptionPassword": SV0, "ApplicationsDirectory": S, "OctopusWorkingDirectory": S})
d("KubernetesEndpointResource", "Endpoints/KubernetesEndpointResource.cs @b883446b; ContainerOptions 00ca082d (2023-11)",
  {"ClusterCertificate": S, "ClusterCertificatePath": S, "ClusterUrl": S, "Namespace": S, "SkipTlsVerification": S, "ProxyId": S,
   "ContainerOptions": since(S, "2024.3"), "DefaultWorkerPoolId": S, "Authentication": OBJ, "Container": OBJ})
d("AzureWebAppEndpointResource", "Endpoints/AzureWebAppEndpointResource.cs @b883446b",
  {"AccountId": S, "ResourceGroupName": S, "WebAppName": S, "WebAppSlotName": S, "DefaultWorkerPoolId": S})
out = {
  "_about": "Subtype definitions of the polymorphic resources the Swagger 2021.2 describes only by their base (notes 1.1). Property names, C# types and constructor defaults from the OctopusClients models named in x-source (2021.2 = commit b883446b, 2021-06-07; later additions carry x-since with the profile whose era first has them: 2024.3 = the model as of 2024-09, 2026.3 = 26802a14, 2026-08-19). Hand-extracted by scripts/generate-emulator-subtypes.py; docs/emulator.md.",
  "discriminators": {
    "FeedResource": {"property": "FeedType", "types": {"NuGet": "NuGetFeedResource", "Docker": "DockerFeedResource", "Maven": "MavenFeedResource", "GitHub": "GitHubFeedResource", "Helm": "HelmFeedResource", "AwsElasticContainerRegistry": "AwsElasticContainerRegistryFeedResource", "BuiltIn": "BuiltInFeedResource", "OctopusProject": "OctopusProjectFeedResource"}},
    "AccountResource": {"property": "AccountType", "types": {"UsernamePassword": "UsernamePasswordAccountResource", "AzureServicePrincipal": "AzureServicePrincipalAccountResource", "AmazonWebServicesAccount": "AmazonWebServicesAccountResource", "Token": "TokenAccountResource", "SshKeyPair": "SshKeyPairAccountResource"}},
    "EndpointResource": {"property": "CommunicationStyle", "types": {"TentaclePassive": "ListeningTentacleEndpointResource", "TentacleActive": "PollingTentacleEndpointResource", "Ssh": "SshEndpointResource", "None": "CloudRegionEndpointResource", "OfflineDrop": "OfflineDropEndpointResource", "Kubernetes": "KubernetesEndpointResource", "AzureWebApp": "AzureWebAppEndpointResource"}},
  },
  "definitions": D,
  "enumAdditions": {
    "FeedType": {"_source": OC + "FeedType.cs history", "S3": "2024.3", "AzureContainerRegistry": "2024.3", "GoogleContainerRegistry": "2024.3",
                 "OciRegistry": "2024.3", "ArtifactoryGeneric": "2024.3", "Npm": "2026.3", "GcsStorage": "2026.3", "PyPi": "2026.3"},
    "CommunicationStyle": {"_source": OC + "CommunicationStyle.cs history", "KubernetesTentacle": "2024.3", "AwsEcsCluster": "2026.3"},
  },
}

target = os.path.join(os.path.dirname(os.path.dirname(os.path.abspath(__file__))), "src", "OctoSync.Emulator", "Resources", "Definitions", "subtypes.json")
with open(target, "w", encoding="utf-8") as f:
    json.dump(out, f, indent=1)
    f.write("\n")
print(len(D), "subtypes")
