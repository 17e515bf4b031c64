using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Orchestrator.Agents.Models;
using Orchestrator.Core.Hosting;

namespace Orchestrator.Agents.Internal.Models;

/// <summary>Adds the model catalog and the model-call step.</summary>
internal static class ModelRegistration
{
    public static void AddModels(OrchestratorBuilder builder, IConfiguration configuration)
    {
        builder.Services.TryAddSingleton<IModelCatalog>(new ModelCatalog(configuration));
        builder.AddActivity<CallModelActivity>();
    }
}
