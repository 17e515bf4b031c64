using Microsoft.Extensions.Configuration;
using Orchestrator.Server.Configuration;
using Orchestrator.Workflows;

namespace Orchestrator.Server.Tests.Configuration;

public sealed class WorkflowAssembliesTests
{
    [Fact]
    public void ReadPaths_MissingFile_FailsNamingTheKey()
    {
        var configuration = new ConfigurationBuilder()
            .AddInMemoryCollection([KeyValuePair.Create("Orchestrator:WorkflowAssemblies:0", (string?)"/no/such/Workflows.dll")])
            .Build();

        var read = () => WorkflowAssemblies.ReadPaths(configuration);

        read.Should().Throw<ServerConfigurationException>().WithMessage("*Orchestrator:WorkflowAssemblies:0*");
    }

    [Fact]
    public void ReadPathsThenLoad_BuiltAssembly_IsTheAssemblyTheServerSees()
    {
        var path = typeof(SamplesAssembly).Assembly.Location;
        var configuration = new ConfigurationBuilder()
            .AddInMemoryCollection([KeyValuePair.Create("Orchestrator:WorkflowAssemblies:0", (string?)path)])
            .Build();

        var loaded = WorkflowAssemblies.Load(WorkflowAssemblies.ReadPaths(configuration));

        loaded.Should().ContainSingle().Which.Should().BeSameAs(typeof(SamplesAssembly).Assembly);
    }
}
