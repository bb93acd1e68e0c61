namespace OctoSync.Emulator;

/// <summary>One route the emulator serves, e.g. (`GET`, `/api/{spaceId}/projects/{id}`).</summary>
public sealed record EmulatorRoute(string Method, string Template);
