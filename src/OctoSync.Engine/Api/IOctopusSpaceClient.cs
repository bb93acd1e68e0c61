using System.Text.Json.Nodes;

namespace OctoSync.Engine.Api;

/// <summary>
/// The REST API of one Octopus space, as OctoSync uses it. Paths are relative to the space root
/// (<c>/api/{spaceId}/</c>), e.g. <c>projects/all</c> or <c>variables/variableset-Projects-1</c>.
/// Documents are returned and sent whole, so fields OctoSync does not model survive.
/// Every failure is an <see cref="OctopusApiException"/> naming method, URL, status and Octopus's message.
/// </summary>
public interface IOctopusSpaceClient
{
    /// <summary>The server URL (without the API key).</summary>
    Uri ServerUrl { get; }

    string SpaceId { get; }

    string SpaceName { get; }

    /// <summary>The server's version from the <c>/api</c> root (<c>Version</c>, e.g. <c>2024.3.12828</c>); null when not known.</summary>
    string? ServerVersion => null;
    /// <summary>The server's own id (<c>InstallationId</c> of the root document <c>GET /api</c>); null when it sent none.</summary>
    string? InstallationId => null;

    /// <summary>GET one document.</summary>
    Task<JsonObject> GetAsync(string path, CancellationToken cancellationToken = default);

    /// <summary>GET <c>{collection}/all</c> — the whole collection in one request (a bare JSON array).</summary>
    Task<IReadOnlyList<JsonObject>> GetAllAsync(string collection, CancellationToken cancellationToken = default);

    /// <summary>GET <c>{collection}?ids=…</c> in batches (following <c>Page.Next</c>), for collections without <c>/all</c> or to read a subset.</summary>
    Task<IReadOnlyList<JsonObject>> GetByIdsAsync(string collection, IReadOnlyCollection<string> ids, CancellationToken cancellationToken = default);

    /// <summary>
    /// <see cref="GetByIdsAsync(string, IReadOnlyCollection{string}, CancellationToken)"/>, handing each answer's documents to
    /// <paramref name="keep"/> as it arrives and returning what it made, in batch order: a reader that keeps documents in a
    /// smaller form then never holds every batch as <see cref="JsonObject"/> trees at once (issue #10). The same requests.
    /// </summary>
    async Task<IReadOnlyList<T>> GetByIdsAsync<T>(string collection, IReadOnlyCollection<string> ids, Func<IReadOnlyList<JsonObject>, T> keep, CancellationToken cancellationToken = default) =>
        [keep(await GetByIdsAsync(collection, ids, cancellationToken).ConfigureAwait(false))];

    /// <summary>Pages through <c>{collection}?{query}</c> following <c>Page.Next</c>.</summary>
    IAsyncEnumerable<JsonObject> ListAsync(string collection, string? query = null, CancellationToken cancellationToken = default);

    /// <summary>POST to a collection; returns the created document (201).</summary>
    Task<JsonObject> CreateAsync(string collection, JsonObject body, CancellationToken cancellationToken = default);

    /// <summary>PUT a document; returns the saved document (200).</summary>
    Task<JsonObject> UpdateAsync(string path, JsonObject body, CancellationToken cancellationToken = default);

    /// <summary>POST to a document's action (<c>certificates/{id}/replace</c>); returns the server's answer.</summary>
    Task<JsonObject> PostAsync(string path, JsonObject body, CancellationToken cancellationToken = default);

    /// <summary>DELETE a document.</summary>
    Task DeleteAsync(string path, CancellationToken cancellationToken = default);

    // Tenant variables (API notes §3.12). The 2021.2 routes are the defaults here; a client for a server that serves
    // only the v2 routes (`tenants/{id}/commonvariables`, `/projectvariables`) overrides these three and converts.

    /// <summary>GET <c>tenantvariables/all</c>: every tenant's variables document (<c>{TenantId, LibraryVariables, ProjectVariables}</c>).</summary>
    Task<IReadOnlyList<JsonObject>> GetAllTenantVariablesAsync(CancellationToken cancellationToken = default) =>
        GetAllAsync("tenantvariables", cancellationToken);

    /// <summary>GET <c>tenants/{id}/variables</c>: one tenant's variables document, with the templates of what it is connected to.</summary>
    Task<JsonObject> GetTenantVariablesAsync(string tenantId, CancellationToken cancellationToken = default) =>
        GetAsync($"tenants/{Uri.EscapeDataString(tenantId)}/variables", cancellationToken);

    /// <summary>PUT <c>tenants/{id}/variables</c>: the whole document (values omitted are removed; sensitive ones kept by <c>{"HasValue":true}</c>).</summary>
    Task<JsonObject> UpdateTenantVariablesAsync(string tenantId, JsonObject body, CancellationToken cancellationToken = default) =>
        UpdateAsync($"tenants/{Uri.EscapeDataString(tenantId)}/variables", body, cancellationToken);

    // Tenant variables v2 (servers from 2025.2, see TenantVariablesRoutes): one half of a tenant's values each, as a flat
    // list `{TenantId, Variables: [{Id, LibraryVariableSetId | ProjectId, TemplateId, Template, Value, Scope:
    // {EnvironmentIds}}], MissingVariables}` (OctopusClients TenantVariablesRepository, go-octopusdeploy tenant_service).

    /// <summary>GET <c>tenants/{id}/commonvariables?includeMissingVariables=true</c>: library set values, and the templates still without one.</summary>
    Task<JsonObject> GetTenantCommonVariablesAsync(string tenantId, CancellationToken cancellationToken = default) =>
        GetAsync($"tenants/{Uri.EscapeDataString(tenantId)}/commonvariables?includeMissingVariables=true", cancellationToken);

    /// <summary>PUT <c>tenants/{id}/commonvariables</c> <c>{Variables: […]}</c>: the tenant's common values become the list sent.</summary>
    Task<JsonObject> UpdateTenantCommonVariablesAsync(string tenantId, JsonObject body, CancellationToken cancellationToken = default) =>
        UpdateAsync($"tenants/{Uri.EscapeDataString(tenantId)}/commonvariables", body, cancellationToken);

    /// <summary>GET <c>tenants/{id}/projectvariables?includeMissingVariables=true</c>: project template values per environment scope, and the missing ones.</summary>
    Task<JsonObject> GetTenantProjectVariablesAsync(string tenantId, CancellationToken cancellationToken = default) =>
        GetAsync($"tenants/{Uri.EscapeDataString(tenantId)}/projectvariables?includeMissingVariables=true", cancellationToken);

    /// <summary>PUT <c>tenants/{id}/projectvariables</c> <c>{Variables: […]}</c>: the tenant's project values become the list sent.</summary>
    Task<JsonObject> UpdateTenantProjectVariablesAsync(string tenantId, JsonObject body, CancellationToken cancellationToken = default) =>
        UpdateAsync($"tenants/{Uri.EscapeDataString(tenantId)}/projectvariables", body, cancellationToken);
}
