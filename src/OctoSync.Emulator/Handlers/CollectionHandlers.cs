using System.Text.Json.Nodes;
using OctoSync.Emulator.Resources;
using OctoSync.Emulator.Routing;

namespace OctoSync.Emulator.Handlers;

/// <summary>The generic endpoints every collection shares: list, all, get, create, modify, delete.</summary>
internal static class CollectionHandlers
{
    public static ApiResponse List(RouteCall call, ResourceDescriptor d, Func<JsonObject, bool>? scope = null)
    {
        var items = CollectionQuery.Apply(d, call.Space.All(d).Where(scope ?? (_ => true)), call.Query, call.Space.Profile).ToList();
        return ApiResponse.Ok(CollectionQuery.Page(call, d, items));
    }

    /// <summary>`/all` answers a bare array (no envelope); `ids=` still filters.</summary>
    public static ApiResponse All(RouteCall call, ResourceDescriptor d, Func<JsonObject, bool>? scope = null)
    {
        var items = CollectionQuery.Apply(d, call.Space.All(d).Where(scope ?? (_ => true)), call.Query, call.Space.Profile);
        return ApiResponse.Ok(Presenter.PresentAll(call.Space, d, items));
    }

    public static ApiResponse Get(RouteCall call, ResourceDescriptor d, string id) =>
        ApiResponse.Ok(Presenter.Present(call.Space, d, Find(call.Space, d, id)));

    public static ApiResponse Create(RouteCall call, ResourceDescriptor d, Action<JsonObject>? adjust = null)
    {
        var body = call.BodyObject;
        adjust?.Invoke(body);
        var doc = DocumentWriter.Create(call.Space, d, body);
        return ApiResponse.Created(Presenter.Present(call.Space, d, doc));
    }

    public static ApiResponse Modify(RouteCall call, ResourceDescriptor d, string id)
    {
        var existing = Find(call.Space, d, id);
        var doc = DocumentWriter.Modify(call.Space, d, existing, call.BodyObject);
        return ApiResponse.Ok(Presenter.Present(call.Space, d, doc));
    }

    public static ApiResponse Delete(RouteCall call, ResourceDescriptor d, string id)
    {
        var existing = Find(call.Space, d, id);
        if (d.DeleteGuard?.Invoke(call.Space, existing) is { } reason)
        {
            throw ApiException.BadRequest(reason);
        }

        call.Space.Remove(d, existing.Str("Id")!);
        d.OnDeleted?.Invoke(call.Space, existing);
        return ApiResponse.Ok(null);
    }

    /// <summary>By id (any case) or slug; 404 with Octopus's text otherwise.</summary>
    public static JsonObject Find(SpaceContext space, ResourceDescriptor d, string idOrSlug) =>
        space.FindByIdOrSlug(d, idOrSlug)
        ?? throw ApiException.NotFound($"The {d.ItemType} with id '{idOrSlug}' was not found.");
}
