using System.Text.Json.Serialization;

namespace Orchestrator.Server.Http;

/// <summary>
/// The API's JSON: camelCase and enums as strings, like <c>OrchestratorJson.Options</c>; nulls are written, so every
/// documented field is present in every answer.
/// </summary>
internal static class JsonRegistration
{
    public static IServiceCollection AddApiJson(this IServiceCollection services) =>
        services.ConfigureHttpJsonOptions(options => options.SerializerOptions.Converters.Add(new JsonStringEnumConverter()));
}
